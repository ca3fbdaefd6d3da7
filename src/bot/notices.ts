import { dmOf } from '../chat/address.ts';
import type { Incoming } from '../chat/incoming.ts';
import type { Reply } from '../chat/reply.ts';
import type { Services } from './services.ts';
import type { Notice, NoticeTarget } from './notice.ts';

export type { Notice, NoticeTarget, Outbox } from './notice.ts';

// The contract between features that make the bot speak first (reminders,
// escalations, coupon pushes, expiries, the daily brief) and the outbound engine.

/** Where a feature speaks later about what was asked: the thread asked in, else a thread on the asking message. */
export const threadOf = (i: Incoming): NoticeTarget => ({ conversation: i.conversation, ...(i.thread ?? i.messageId ? { thread: i.thread ?? i.messageId } : {}) });

/** A user's DM conversation from their qualified id: `wechat:wxid_abc` → `wechat:dm:wxid_abc`. */
export const dmTarget = (user: string): string => dmOf(user);

/** A feature that derives, from what is stored, what has fallen due by `now`. */
export interface NoticeSource {
  id: string;
  /**
   * Everything due at or before `now`, derived from stored deadlines and schedules,
   * never from in-memory timers, so missed slots are found again after downtime.
   * Returning a notice whose key was already queued is harmless: the outbox keeps each key once.
   */
  collect(now: Date, services: Services): Promise<Notice[]>;
}
