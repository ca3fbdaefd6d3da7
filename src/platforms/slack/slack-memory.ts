import type { Clock, DocStore } from '../../domain/ports.ts';

// What the Slack adapter must remember across restarts, in the DocStore:
// - the threads it answered, so a follow-up there needs no @mention (kept 30 days);
// - the events it processed, so a retried delivery is not answered twice (kept 2 hours;
//   Slack retries within about 30 minutes). An event is marked only once it was answered,
//   so a retry after a failed first attempt is processed.

const THREAD_DAYS = 30;
const EVENT_HOURS = 2;

interface MemoryDoc {
  threads: Record<string, string>;
  events: Record<string, string>;
}

export class SlackMemory {
  private readonly inFlight = new Set<string>();
  constructor(
    private readonly docs: DocStore,
    private readonly clock: Clock,
  ) {}

  private doc() {
    return this.docs.open<MemoryDoc>('slack/memory', { threads: {}, events: {} });
  }

  async rememberThread(channel: string, threadTs: string): Promise<void> {
    const doc = await this.doc();
    doc.data.threads[`${channel}:${threadTs}`] = this.clock.now().toISOString();
    this.prune(doc.data.threads, THREAD_DAYS * 24);
    await doc.write();
  }

  async answeredThread(channel: string, threadTs: string): Promise<boolean> {
    return (await this.doc()).data.threads[`${channel}:${threadTs}`] !== undefined;
  }

  /**
   * Claims an event for processing: false when it was already processed or is being processed
   * now (a retry that arrived while the first attempt runs). Call done() or failed() after.
   */
  async claim(id: string): Promise<boolean> {
    if (this.inFlight.has(id)) return false;
    this.inFlight.add(id); // before any await, so two concurrent deliveries cannot both pass
    const doc = await this.doc();
    if (doc.data.events[id] === undefined) return true;
    this.inFlight.delete(id);
    return false;
  }

  async done(id: string): Promise<void> {
    const doc = await this.doc();
    doc.data.events[id] = this.clock.now().toISOString();
    this.prune(doc.data.events, EVENT_HOURS);
    await doc.write();
    this.inFlight.delete(id);
  }

  /** Events being processed right now. */
  get inProgress(): number {
    return this.inFlight.size;
  }

  failed(id: string): void {
    this.inFlight.delete(id);
  }

  private prune(map: Record<string, string>, hours: number): void {
    const horizon = this.clock.now().getTime() - hours * 3_600_000;
    for (const [k, at] of Object.entries(map)) if (Date.parse(at) < horizon) delete map[k];
  }
}
