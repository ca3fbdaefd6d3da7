import { TargetBook } from '../../domain/targets/target-book.ts';
import type { Feature } from '../../bot/feature.ts';
import { kpiCommand } from './kpi-command.ts';
import { targetSetCommand } from './target-set-command.ts';

/** Monthly targets and the KPI pace against them. */
export const targets: Feature = {
  name: 'targets',
  commands: [targetSetCommand, kpiCommand],
  books: { targets: (env) => TargetBook.open(env.docs) },
};
