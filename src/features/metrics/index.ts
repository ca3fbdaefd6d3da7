import type { Feature } from '../../bot/feature.ts';
import { metricCommand } from './metric-command.ts';

/** `今天GMV多少`: store figures for any period, channel, comparison or trend (claims free text). */
export const metrics: Feature = { name: 'metrics', commands: [metricCommand] };
