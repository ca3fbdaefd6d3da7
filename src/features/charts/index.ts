import type { Feature } from '../../bot/feature.ts';
import { chartsCommand } from './charts-command.ts';

/** Whether replies carry charts, per conversation. */
export const charts: Feature = { name: 'charts', commands: [chartsCommand] };
