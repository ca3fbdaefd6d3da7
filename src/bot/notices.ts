import { dmOf } from '../chat/address.ts';
import type { Incoming } from '../chat/incoming.ts';
import type { Reply } from '../chat/reply.ts';
import type { Services } from './services.ts';

// The contract between features that make the bot speak first (reminders,
// escalations, coupon pushes, expiries, the daily brief) and the outbound engine.

export interface NoticeTarget {
  /** Opaque, platform-prefixed conversation id (`slack:C0123`, `telegram:-100123`, `console:ops-room`). */
  conversation: string;
  thread?: string;
}

/** Where a feature speaks later about what was asked: the thread asked in, else a thread on the asking message. */
export const threadOf = (i: Incoming): NoticeTarget => ({ conversation: i.conversation, ...(i.thread ?? i.messageId ? { thread: i.thread ?? i.messageId } : {}) });

/** A user's DM conversation from their qualified id: `wechat:wxid_abc` → `wechat:dm:wxid_abc`. */
export const dmTarget = (user: string): string => dmOf(user);

export interface Notice {
  /** Idempotency key: what it is for + recipient + step, e.g. `complaint:31:escalate:cs_lead`. Sent at most once. */
  key: string;
  /** e.g. `complaint.escalation`, `coupon.push`, `checklist.digest`. */
  kind: string;
  target: NoticeTarget;
  /** The content, decided before sending (a coupon code is inside it), so a retry sends the same thing. */
  reply: Reply;
  /** When it fell due; the engine adds "late by …" when it goes out well after this. */
  dueAt: Date;
  /** Do not send before this (quiet hours). */
  notBefore?: Date;
}

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

export interface Outbox {
  /** Stores the notice durably; false when its key was already queued (nothing happens). */
  enqueue(notice: Notice): Promise<boolean>;
}
