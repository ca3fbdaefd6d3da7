import type { DocStore } from '../../domain/ports.ts';
import type { BriefSubscription } from '../brief/brief-subscriptions.ts';

// Which conversations get the Monday weekly marketing report, and at what store-local time:
// the same record as a daily brief subscription, its time read as "on Mondays".

export type WeeklySubscription = BriefSubscription;

export const openWeekly = (docs: DocStore) => docs.open<{ subs: Record<string, WeeklySubscription> }>('weekly/subscriptions', { subs: {} });
