import type { Reply } from '../chat/reply.ts';
import type { Logger } from '../domain/log.ts';
import { silentLogger } from '../domain/log.ts';
import { backoffMs, DEFAULT_RETRY, type RetryPolicy } from './backoff.ts';
import { lateNote } from './late-note.ts';
import type { OutboxEntry, OutboxStore } from './outbox-store.ts';
import { DEFAULT_PACING, Pacer, platformOf, type PacingConfig } from './pacing.ts';
import { TimeHeap } from './time-heap.ts';
import { systemClock, type Clock } from '../domain/ports.ts';
import { SendError, type Sent, type Target } from '../chat/chat-adapter.ts';

/**
 * Sends what the outbox holds, paced per platform and conversation. Usage:
 *   const d = new Dispatcher({ store, adapters: { telegram: tg, console: con }, pacing, clock });
 *   await d.recover();   // once at start: entries caught mid-send are confirmed or reported
 *   await d.drain();     // sends everything due now, waiting for pacing and retries; returns a report
 * Any ChatAdapter fits `OutboundSender`; an adapter that can check whether a message with an
 * idempotency key was accepted adds `confirm`, and one that can pass the key to the platform reads `meta.key`.
 */
export interface OutboundSender {
  readonly platform: string;
  send(target: Target, reply: Reply, meta?: { key: string }): Promise<Sent>;
  /** After a crash or an ambiguous failure: the message if the platform has it, null if it surely does not. */
  confirm?(target: Target, key: string): Promise<Sent | null>;
}

export interface DispatcherOptions {
  store: OutboxStore;
  /** By platform: the prefix of conversation ids (`telegram`, `slack`, `wechat`, `console`). */
  adapters: Map<string, OutboundSender> | Record<string, OutboundSender>;
  pacing?: PacingConfig;
  retry?: RetryPolicy;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  log?: Logger;
  /** A message going out later than this after it fell due gets a "late by …" line (default 10 min). */
  lateAfterMs?: number;
  /** Sends in flight at once, across conversations (one per conversation). Default 16. */
  maxInFlight?: number;
}

export interface DispatchReport {
  sent: OutboxEntry[];
  failed: OutboxEntry[];
  unconfirmed: OutboxEntry[];
  /** Attempts that will be retried (429, 5xx, network). */
  retries: number;
  rateLimited: number;
}

const emptyReport = (): DispatchReport => ({ sent: [], failed: [], unconfirmed: [], retries: 0, rateLimited: 0 });

export class Dispatcher {
  readonly pacer: Pacer;
  private readonly adapters: Map<string, OutboundSender>;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly log: Logger;
  private readonly store: OutboxStore;
  private stopped = false;

  constructor(private readonly opts: DispatcherOptions) {
    this.store = opts.store;
    this.adapters = opts.adapters instanceof Map ? opts.adapters : new Map(Object.entries(opts.adapters));
    this.pacer = new Pacer(opts.pacing ?? DEFAULT_PACING);
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.clock = opts.clock ?? systemClock;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.log = opts.log ?? silentLogger;
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  /** Entries left in 'sending' by a crash: confirmed with the platform when it can tell, else reported as unconfirmed. */
  async recover(): Promise<DispatchReport> {
    const report = emptyReport();
    for (const id of this.store.idsIn('sending')) {
      await this.resolveAmbiguous(this.store.get(id)!, 'interrupted while sending (crash or restart); it may or may not have arrived', report);
    }
    return report;
  }

  /** Stops a running drain after the sends in flight. */
  stop(): void {
    this.stopped = true;
  }

  /** Sends what can go out right now without waiting for pacing or retries. */
  runOnce(): Promise<DispatchReport> {
    return this.drain({ wait: false });
  }

  /**
   * Sends every pending entry that is due (notBefore reached), waiting for pacing and backoff,
   * until none is left that is due. Entries for a platform with no adapter stay pending.
   */
  async drain(opts: { wait?: boolean } = {}): Promise<DispatchReport> {
    const wait = opts.wait ?? true;
    this.stopped = false;
    const report = emptyReport();
    const queues = new Map<string, number[]>();
    // One heap per platform, so a full platform-wide window is checked once, not per conversation.
    const heaps = new Map<string, TimeHeap<string>>();
    /** Conversations in a heap or with a send in flight. */
    const active = new Set<string>();
    const schedule = (conv: string, at: number) => {
      const p = platformOf(conv);
      let h = heaps.get(p);
      if (!h) heaps.set(p, (h = new TimeHeap()));
      h.push(at, conv);
      active.add(conv);
    };
    // Entries queued while this drain runs (a complaint escalation during a long campaign) join it.
    let seen = 0;
    const takeNew = (ids: Iterable<number>, now: number) => {
      for (const id of ids) {
        const e = this.store.get(id)!;
        if (e.state !== 'pending' || !this.adapters.has(platformOf(e.conversation))) continue;
        const q = queues.get(e.conversation);
        if (q) q.push(id);
        else queues.set(e.conversation, [id]);
        if (!active.has(e.conversation)) schedule(e.conversation, now);
      }
    };
    seen = this.store.lastId();
    takeNew(this.store.idsIn('pending'), this.now());
    const inFlight = new Set<Promise<void>>();
    // One promise that any finishing send resolves, rather than racing every send in flight.
    let wake = () => {};
    const woken = () => new Promise<void>((r) => (wake = r));
    const maxInFlight = this.opts.maxInFlight ?? 16;

    while (!this.stopped) {
      const now = this.now();
      const last = this.store.lastId();
      if (last > seen) {
        const from = seen;
        seen = last;
        takeNew(Array.from({ length: last - from }, (_, i) => from + 1 + i), now);
      }
      let launched = false;
      let nextAt = Infinity;
      for (const [platform, heap] of heaps) {
        const pWait = this.pacer.platformWaitMs(platform, now);
        while (heap.size > 0 && inFlight.size < maxInFlight) {
          const top = heap.peek()!;
          if (top.at > now || pWait > 0) {
            nextAt = Math.min(nextAt, Math.max(top.at, now + pWait));
            break;
          }
          heap.pop();
          const conv = top.value;
          const q = queues.get(conv)!;
          while (q.length && this.store.get(q[0])!.state !== 'pending') q.shift();
          // The first entry that is due: one held for quiet hours waits without holding up the rest;
          // one in backoff keeps its place, so a conversation's messages stay in order.
          const at = q.findIndex((id) => ms(this.store.get(id)!.notBefore) <= now);
          if (at < 0) {
            active.delete(conv); // nothing due here now: the next tick looks again
            continue;
          }
          const head = this.store.get(q[at])!;
          const readyAt = ms(head.retryAt);
          const cWait = this.pacer.conversationWaitMs(conv, now);
          if (readyAt > now || cWait > 0) {
            schedule(conv, Math.max(readyAt, now + cWait));
            continue;
          }
          this.pacer.record(conv, now); // booked now, so the next pick sees the window taken
          const attempt = this.attempt(head, report, now).catch((err: unknown) => {
            // The store failed: leave the entry as it is on disk (a restart recovers it) and stop this conversation.
            this.log.error({ err, id: head.id }, 'outbox write failed');
            return undefined;
          });
          const p: Promise<void> = attempt.then((requeue) => {
            inFlight.delete(p);
            wake();
            const i = q.indexOf(head.id);
            if (i >= 0 && this.store.get(head.id)!.state !== 'pending') q.splice(i, 1);
            if (q.length && requeue !== undefined) schedule(conv, requeue);
            else active.delete(conv);
          });
          inFlight.add(p);
          launched = true;
          break; // re-read the platform window before the next send
        }
      }
      if (launched) continue;
      if (inFlight.size === 0 && nextAt === Infinity && [...heaps.values()].every((h) => h.size === 0)) break;
      if (!wait && inFlight.size === 0) break;
      const delay = nextAt === Infinity ? 0 : nextAt - this.now();
      if (inFlight.size > 0) await Promise.race([woken(), ...(delay > 0 && nextAt !== Infinity ? [this.sleep(delay)] : [])]);
      else await this.sleep(Math.max(1, delay));
    }
    await Promise.all(inFlight);
    return report;
  }

  /** One send, written ahead as 'sending'. Returns when this conversation may try again. */
  private async attempt(e: OutboxEntry, report: DispatchReport, bookedAt: number): Promise<number> {
    const adapter = this.adapters.get(platformOf(e.conversation))!;
    const target: Target = e.thread ? { conversation: e.conversation, thread: e.thread } : { conversation: e.conversation };
    const attempts = e.attempts + 1;
    await this.store.update(e.id, { state: 'sending', attempts, retryAt: undefined });
    const startedAt = this.now();
    this.pacer.moved(e.conversation, bookedAt, startedAt);
    try {
      const sent = await adapter.send(target, this.withLateNote(e, startedAt), { key: e.key });
      report.sent.push(await this.store.update(e.id, { state: 'sent', messageId: sent.messageId, sentAt: new Date(this.now()).toISOString(), reason: undefined }));
      return this.now();
    } catch (err) {
      const now = this.now();
      const failure = err instanceof SendError ? err.failure : 'ambiguous';
      const why = err instanceof Error ? err.message : String(err);
      if (failure === 'rate_limited') {
        const until = now + Math.max(1, (err as SendError).retryAfterMs ?? 1000);
        this.pacer.holdUntil(e.conversation, until, true);
        report.rateLimited++;
        report.retries++;
        // A 429 is the platform pacing us, not a failure of this message: the attempt is given back.
        await this.store.update(e.id, { state: 'pending', attempts: attempts - 1, retryAt: new Date(until).toISOString(), reason: `rate limited: ${why}` });
        return until;
      }
      if (failure === 'transient' && attempts < this.retry.maxAttempts) {
        const at = now + backoffMs(this.retry, attempts);
        report.retries++;
        await this.store.update(e.id, { state: 'pending', retryAt: new Date(at).toISOString(), reason: `attempt ${attempts} failed: ${why}` });
        return at;
      }
      if (failure === 'ambiguous') {
        await this.resolveAmbiguous(e, `no answer after the request left: ${why}`, report);
        return this.now();
      }
      const reason = failure === 'transient' ? `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${why}` : `refused by the platform: ${why}`;
      report.failed.push(await this.store.update(e.id, { state: 'failed', reason }));
      this.log.warn({ id: e.id, key: e.key, reason }, 'outbox entry failed');
      return now;
    }
  }

  /** Never resend blindly: ask the platform if it can tell, else report the entry as unconfirmed. */
  private async resolveAmbiguous(e: OutboxEntry, reason: string, report: DispatchReport): Promise<void> {
    const adapter = this.adapters.get(platformOf(e.conversation));
    if (adapter?.confirm) {
      try {
        const found = await adapter.confirm(e.thread ? { conversation: e.conversation, thread: e.thread } : { conversation: e.conversation }, e.key);
        if (found) {
          report.sent.push(await this.store.update(e.id, { state: 'sent', messageId: found.messageId, sentAt: new Date(this.now()).toISOString(), reason: undefined }));
        } else {
          await this.store.update(e.id, { state: 'pending', reason: `${reason}; the platform confirmed it did not arrive, so it is sent again` });
        }
        return;
      } catch (err) {
        reason = `${reason}; checking failed: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    report.unconfirmed.push(await this.store.update(e.id, { state: 'unconfirmed', reason }));
    this.log.warn({ id: e.id, key: e.key, reason }, 'outbox entry unconfirmed');
  }

  private withLateNote(e: OutboxEntry, now: number): Reply {
    const reply = e.payload;
    const due = Math.max(ms(e.dueAt), ms(e.notBefore));
    const late = now - due;
    if (late <= (this.opts.lateAfterMs ?? 10 * 60_000)) return reply;
    return { ...reply, blocks: [...reply.blocks, { type: 'text', text: lateNote(late, reply.lang), tone: 'muted' }] };
  }
}

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : 0);
