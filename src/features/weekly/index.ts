import type { Feature } from '../../bot/feature.ts';
import { weeklyCommand } from './weekly-command.ts';
import { weeklySource } from './weekly-source.ts';

/** The weekly report, on demand and by subscription. */
export const weekly: Feature = { name: 'weekly', commands: [weeklyCommand], noticeSources: [weeklySource] };
