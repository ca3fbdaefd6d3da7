// The durable outbox, as the domain sees it. Usage: features never touch this directly;
// they return Notices from a NoticeSource or call services.outbox.enqueue(notice).
// The dispatcher (src/outbound/dispatcher.ts) and the `outbox` commands use
// this port; src/outbound/journal-outbox-store.ts implements it on disk.
// The payload is typed (a Reply unless said otherwise), so no reader casts it back.

import type { Reply } from '../chat/reply.ts';

/**
 * pending → sending (written before the adapter is called) → sent | failed | unconfirmed.
 * `unconfirmed`: the platform may or may not have accepted it (crash or timeout after the
 * request left); it is reported and re-queued only by a person (`outbox retry ID`).
 */
export type EntryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unconfirmed';
export const ENTRY_STATES: readonly EntryState[] = ['pending', 'sending', 'sent', 'failed', 'unconfirmed'];

export interface OutboxEntry<P = Reply> {
  /** Short number people type in `outbox retry 42`. */
  id: number;
  /** Idempotency key (what for + recipient + step); each key is stored once, ever. */
  key: string;
  kind: string;
  conversation: string;
  thread?: string;
  /** The message, decided before sending (a platform-neutral Reply), resent unchanged on retry. */
  payload: P;
  /** UTC ISO times. */
  createdAt: string;
  dueAt: string;
  notBefore?: string;
  state: EntryState;
  attempts: number;
  /** Not before this (backoff or Retry-After). */
  retryAt?: string;
  sentAt?: string;
  /** The platform's message id once accepted. */
  messageId?: string;
  /** Why it failed or is unconfirmed, in English, for `outbox failed`. */
  reason?: string;
}

export type NewEntry<P = Reply> = Pick<OutboxEntry<P>, 'key' | 'kind' | 'conversation' | 'thread' | 'payload' | 'dueAt' | 'notBefore'>;
export type EntryPatch = Partial<Pick<OutboxEntry, 'state' | 'attempts' | 'retryAt' | 'sentAt' | 'messageId' | 'reason'>>;

export interface OutboxStore<P = Reply> {
  /** Adds entries durably in one write; `false` for each key that was already stored (nothing happens). */
  add(entries: NewEntry<P>[], now: Date): Promise<boolean[]>;
  /** Changes an entry durably; resolves once the change is on disk. */
  update(id: number, patch: EntryPatch): Promise<OutboxEntry<P>>;
  get(id: number): OutboxEntry<P> | undefined;
  byKey(key: string): OutboxEntry<P> | undefined;
  /** Ids of entries in a state, oldest first. */
  idsIn(state: EntryState): number[];
  counts(): Record<EntryState, number>;
  /** The highest id given so far (0 when empty): a running dispatch picks up entries added after it started. */
  lastId(): number;
  /** Newest first. */
  list(state: EntryState, limit: number): OutboxEntry<P>[];
  close(): Promise<void>;
}
