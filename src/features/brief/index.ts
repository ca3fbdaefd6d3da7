import type { Feature } from '../../bot/feature.ts';
import { briefCommand } from './brief-command.ts';
import { briefSource } from './brief-source.ts';

/** The daily brief, on demand and by subscription. */
export const brief: Feature = { name: 'brief', commands: [briefCommand], noticeSources: [briefSource] };
