import type { DocStore } from '../../domain/ports.ts';
import type { Lang } from '../../chat/lang.ts';

// Which conversations get the daily brief, and at what store-local time. Stored in the
// `brief/subscriptions` document; the brief source derives due slots from it.

export interface BriefSubscription {
  conversation: string;
  thread?: string;
  /** Store-local `HH:mm`. */
  time: string;
  lang: Lang;
  /** UTC ISO: slots before this are never sent. */
  since: string;
  by: string;
}

export interface BriefDoc {
  subs: Record<string, BriefSubscription>;
}

export const openBriefs = (docs: DocStore) => docs.open<BriefDoc>('brief/subscriptions', { subs: {} });
