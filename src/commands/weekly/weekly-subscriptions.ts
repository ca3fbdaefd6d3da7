import type { DocStore } from '../../domain/ports.ts';
import type { Lang } from '../lang.ts';

// Which conversations get the Monday weekly marketing report, and at what store-local time.

export interface WeeklySubscription {
  conversation: string;
  thread?: string;
  /** Store-local `HH:mm` on Mondays. */
  time: string;
  lang: Lang;
  /** UTC ISO: Mondays before this are never sent. */
  since: string;
  by: string;
}

export const openWeekly = (docs: DocStore) => docs.open<{ subs: Record<string, WeeklySubscription> }>('weekly/subscriptions', { subs: {} });
