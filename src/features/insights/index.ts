import type { Feature } from '../../bot/feature.ts';
import { whyCommand } from './why-command.ts';

/** `gmv yesterday why` / `昨天GMV为什么`: what moved a figure, by driver. */
export const insights: Feature = { name: 'insights', commands: [whyCommand] };
