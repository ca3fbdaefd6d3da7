import type { Reply } from '../chat/reply.ts';

// What a feature hands the outbound engine to say first, and the outbox it hands it to.
// Kept apart from notices.ts (which knows Services) so Services can name the Outbox without a circle.

export interface NoticeTarget {
  /** Opaque, platform-prefixed conversation id (`slack:C0123`, `telegram:-100123`, `console:ops-room`). */
  conversation: string;
  thread?: string;
}

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

export interface Outbox {
  /** Stores the notice durably; false when its key was already queued (nothing happens). */
  enqueue(notice: Notice): Promise<boolean>;
}
