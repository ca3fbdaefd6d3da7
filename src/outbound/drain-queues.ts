import type { OutboxEntry, OutboxStore } from './outbox-store.ts';
import { platformOf } from './pacing.ts';
import { TimeHeap } from './time-heap.ts';

/**
 * One drain's work list: each conversation's pending entry ids, oldest first, and per platform a heap
 * of when each conversation may send next (one heap per platform, so a full platform-wide window is
 * checked once, not per conversation). Usage (Dispatcher.drain):
 *   const work = new DrainQueues(store, (platform) => adapters.has(platform), now);
 *   work.takeQueuedSince(now);            // each turn: entries queued since the last look join
 *   const e = work.nextDue(conv, now);    // the entry this conversation would send now, if any
 *   work.settle(conv, e.id, retryAt);     // once its attempt is over
 */
export class DrainQueues {
  /** By platform: conversations waiting for their turn. */
  readonly heaps = new Map<string, TimeHeap<string>>();
  private readonly queues = new Map<string, number[]>();
  /** Conversations in a heap or with a send in flight. */
  private readonly active = new Set<string>();
  /** The highest entry id this drain has looked at. */
  private seen: number;

  constructor(
    private readonly store: OutboxStore,
    private readonly canSend: (platform: string) => boolean,
    now: number,
  ) {
    this.seen = store.lastId();
    this.take(store.idsIn('pending'), now);
  }

  /** The conversation may send at `at`. */
  schedule(conv: string, at: number): void {
    const p = platformOf(conv);
    let h = this.heaps.get(p);
    if (!h) this.heaps.set(p, (h = new TimeHeap()));
    h.push(at, conv);
    this.active.add(conv);
  }

  /** Entries queued while this drain runs (a complaint escalation during a long campaign) join it. */
  takeQueuedSince(now: number): void {
    const last = this.store.lastId();
    if (last <= this.seen) return;
    const from = this.seen;
    this.seen = last;
    this.take(
      Array.from({ length: last - from }, (_, i) => from + 1 + i),
      now,
    );
  }

  /** Pending entries for a platform with an adapter join their conversation's queue; entries for others stay pending. */
  private take(ids: Iterable<number>, now: number): void {
    for (const id of ids) {
      const e = this.store.get(id)!;
      if (e.state !== 'pending' || !this.canSend(platformOf(e.conversation))) continue;
      const q = this.queues.get(e.conversation);
      if (q) q.push(id);
      else this.queues.set(e.conversation, [id]);
      if (!this.active.has(e.conversation)) this.schedule(e.conversation, now);
    }
  }

  /**
   * The conversation's first entry that is due: one held for quiet hours waits without holding up
   * the rest; one in backoff keeps its place, so a conversation's messages stay in order.
   * Undefined when nothing is due: the conversation rests until the next tick looks again.
   */
  nextDue(conv: string, now: number): OutboxEntry | undefined {
    const q = this.queues.get(conv)!;
    while (q.length && this.store.get(q[0])!.state !== 'pending') q.shift();
    const at = q.findIndex((id) => ms(this.store.get(id)!.notBefore) <= now);
    if (at < 0) {
      this.active.delete(conv);
      return undefined;
    }
    return this.store.get(q[at])!;
  }

  /** After an attempt: a settled entry leaves the queue; the conversation goes again at `nextAt`, or rests (store failure, nothing left). */
  settle(conv: string, id: number, nextAt: number | undefined): void {
    const q = this.queues.get(conv)!;
    const i = q.indexOf(id);
    if (i >= 0 && this.store.get(id)!.state !== 'pending') q.splice(i, 1);
    if (q.length && nextAt !== undefined) this.schedule(conv, nextAt);
    else this.active.delete(conv);
  }

  /** No conversation is waiting for its turn. */
  get empty(): boolean {
    return [...this.heaps.values()].every((h) => h.size === 0);
  }
}

export const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : 0);
