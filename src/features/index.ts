import type { Feature } from '../bot/feature.ts';
import { access } from './access/index.ts';
import { alerts } from './alerts/index.ts';
import { approvals } from './approvals/index.ts';
import { brief } from './brief/index.ts';
import { budgets } from './budgets/index.ts';
import { campaigns } from './campaigns/index.ts';
import { charts } from './charts/index.ts';
import { checklists } from './checklists/index.ts';
import { complaints } from './complaints/index.ts';
import { confirm } from './confirm/index.ts';
import { help } from './help/index.ts';
import { insights } from './insights/index.ts';
import { members } from './members/index.ts';
import { metrics } from './metrics/index.ts';
import { outbox } from './outbox/index.ts';
import { stock } from './stock/index.ts';
import { targets } from './targets/index.ts';
import { weekly } from './weekly/index.ts';

/**
 * Every feature the bot has, one line each: the registry, the scheduler tick's notice sources,
 * the approval kinds, the confirmables and services.books are all built from this list.
 * Order matters: commands are matched in it (a tie on phrase length goes to the earlier one),
 * help lists them in it, and the tick collects notices in it.
 */
export const features: Feature[] = [
  insights, // before metrics: "gmv yesterday why" is a why question, not a metric one
  metrics,
  checklists,
  budgets,
  approvals,
  access,
  outbox,
  brief,
  complaints,
  confirm,
  campaigns,
  members,
  alerts,
  targets,
  weekly,
  charts,
  stock,
  help, // last: built from the registry, so it lists everything above
];
