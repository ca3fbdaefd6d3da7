import type { Reply } from '../chat/reply.ts';
import type { Logger } from '../domain/log.ts';
import { silentLogger } from '../domain/log.ts';
import { backoffMs, DEFAULT_RETRY, type RetryPolicy } from './backoff.ts';
import { lateNote } from './late-note.ts';
import type { OutboxEntry, OutboxStore } from './outbox-store.ts';
import { DEFAULT_PACING, Pacer, platformOf, type PacingConfig } from './pacing.ts';
import { DrainQueues, ms } from './drain-queues.ts';
import { InFlight } from './in-flight.ts';
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
   * Each turn: take in what was queued meanwhile → launch what is due and paced → wait for a send or a window.
   */
  async drain(opts: { wait?: boolean } = {}): Promise<DispatchReport> {
    const wait = opts.wait ?? true;
    this.stopped = false;
    const report = emptyReport();
    const work = new DrainQueues(this.store, (platform) => this.adapters.has(platform), this.now());
    const flights = new InFlight(this.opts.maxInFlight ?? 16);
    while (!this.stopped) {
      const now = this.now();
      work.takeQueuedSince(now);
      const { launched, nextAt } = this.launchDue(work, flights, report, now);
      if (launched) continue;
      if (flights.size === 0 && nextAt === Infinity && work.empty) break;
      if (!wait && flights.size === 0) break;
      await this.waitForNext(flights, nextAt);
    }
    await flights.all();
    return report;
  }

  /**
   * Picks, platform by platform, the first conversation whose turn has come and whose entry is due and
   * paced, and starts its send (at most one per platform per turn, within the in-flight limit).
   * `nextAt`: the soonest a waiting conversation may go.
   */
  private launchDue(work: DrainQueues, flights: InFlight, report: DispatchReport, now: number): { launched: boolean; nextAt: number } {
    let launched = false;
    let nextAt = Infinity;
    for (const [platform, heap] of work.heaps) {
      const pWait = this.pacer.platformWaitMs(platform, now);
      while (heap.size > 0 && !flights.full) {
        const top = heap.peek()!;
        if (top.at > now || pWait > 0) {
          nextAt = Math.min(nextAt, Math.max(top.at, now + pWait));
          break;
        }
        heap.pop();
        const conv = top.value;
        const head = work.nextDue(conv, now);
        if (!head) continue;
        const readyAt = this.pacedAt(head, now);
        if (readyAt > now) {
          work.schedule(conv, readyAt);
          continue;
        }
        this.pacer.record(conv, now); // booked now, so the next pick sees the window taken
        this.launch(work, flights, head, report, now);
        launched = true;
        break; // re-read the platform window before the next send
      }
    }
    return { launched, nextAt };
  }

  /** When the entry may go: after its backoff and once its conversation's window has room. */
  private pacedAt(e: OutboxEntry, now: number): number {
    return Math.max(ms(e.retryAt), now + this.pacer.conversationWaitMs(e.conversation, now));
  }

  /** Starts the attempt; when it is over, its conversation goes back in line (or rests). */
  private launch(work: DrainQueues, flights: InFlight, e: OutboxEntry, report: DispatchReport, bookedAt: number): void {
    const attempt = this.attempt(e, report, bookedAt).catch((err: unknown) => {
      // The store failed: leave the entry as it is on disk (a restart recovers it) and stop this conversation.
      this.log.error({ err, id: e.id }, 'outbox write failed');
      return undefined;
    });
    flights.add(attempt, (nextAt) => work.settle(e.conversation, e.id, nextAt));
  }

  /** Until a send in flight finishes or the next window opens. */
  private async waitForNext(flights: InFlight, nextAt: number): Promise<void> {
    const delay = nextAt === Infinity ? 0 : nextAt - this.now();
    if (flights.size > 0) await Promise.race([flights.settled(), ...(delay > 0 && nextAt !== Infinity ? [this.sleep(delay)] : [])]);
    else await this.sleep(Math.max(1, delay));
  }

  /** One send: write-ahead `sending` → send → record the result. Returns when this conversation may try again. */
  private async attempt(e: OutboxEntry, report: DispatchReport, bookedAt: number): Promise<number> {
    const { attempts, startedAt } = await this.writeAhead(e, bookedAt);
    try {
      const sent = await this.send(e, startedAt);
      return await this.recordSent(e, sent, report);
    } catch (err) {
      return this.recordFailure(e, attempts, err, report);
    }
  }

  /** On disk as `sending` before the adapter is called, so a crash mid-send is found by `recover`. */
  private async writeAhead(e: OutboxEntry, bookedAt: number): Promise<{ attempts: number; startedAt: number }> {
    const attempts = e.attempts + 1;
    await this.store.update(e.id, { state: 'sending', attempts, retryAt: undefined });
    const startedAt = this.now();
    this.pacer.moved(e.conversation, bookedAt, startedAt);
    return { attempts, startedAt };
  }

  private send(e: OutboxEntry, startedAt: number): Promise<Sent> {
    const adapter = this.adapters.get(platformOf(e.conversation))!;
    return adapter.send(targetOf(e), this.withLateNote(e, startedAt), { key: e.key });
  }

  private async recordSent(e: OutboxEntry, sent: Sent, report: DispatchReport): Promise<number> {
    report.sent.push(await this.store.update(e.id, { state: 'sent', messageId: sent.messageId, sentAt: new Date(this.now()).toISOString(), reason: undefined }));
    return this.now();
  }

  /** A 429 waits for the platform, a transient failure backs off, an ambiguous one is checked, anything else fails for good. */
  private async recordFailure(e: OutboxEntry, attempts: number, err: unknown, report: DispatchReport): Promise<number> {
    const now = this.now();
    const failure = err instanceof SendError ? err.failure : 'ambiguous';
    const why = err instanceof Error ? err.message : String(err);
    if (failure === 'rate_limited') return this.holdForRateLimit(e, attempts, (err as SendError).retryAfterMs, why, now, report);
    if (failure === 'transient' && attempts < this.retry.maxAttempts) return this.backOff(e, attempts, why, now, report);
    if (failure === 'ambiguous') {
      await this.resolveAmbiguous(e, `no answer after the request left: ${why}`, report);
      return this.now();
    }
    const reason = failure === 'transient' ? `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${why}` : `refused by the platform: ${why}`;
    report.failed.push(await this.store.update(e.id, { state: 'failed', reason }));
    this.log.warn({ id: e.id, key: e.key, reason }, 'outbox entry failed');
    return now;
  }

  /** A 429 is the platform pacing us, not a failure of this message: the attempt is given back. */
  private async holdForRateLimit(e: OutboxEntry, attempts: number, retryAfterMs: number | undefined, why: string, now: number, report: DispatchReport): Promise<number> {
    const until = now + Math.max(1, retryAfterMs ?? 1000);
    this.pacer.holdUntil(e.conversation, until, true);
    report.rateLimited++;
    report.retries++;
    await this.store.update(e.id, { state: 'pending', attempts: attempts - 1, retryAt: new Date(until).toISOString(), reason: `rate limited: ${why}` });
    return until;
  }

  private async backOff(e: OutboxEntry, attempts: number, why: string, now: number, report: DispatchReport): Promise<number> {
    const at = now + backoffMs(this.retry, attempts);
    report.retries++;
    await this.store.update(e.id, { state: 'pending', retryAt: new Date(at).toISOString(), reason: `attempt ${attempts} failed: ${why}` });
    return at;
  }

  /** Never resend blindly: ask the platform if it can tell, else report the entry as unconfirmed. */
  private async resolveAmbiguous(e: OutboxEntry, reason: string, report: DispatchReport): Promise<void> {
    const adapter = this.adapters.get(platformOf(e.conversation));
    if (adapter?.confirm) {
      try {
        const found = await adapter.confirm(targetOf(e), e.key);
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

const targetOf = (e: OutboxEntry): Target => (e.thread ? { conversation: e.conversation, thread: e.thread } : { conversation: e.conversation });
