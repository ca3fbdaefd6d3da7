import type { SeenBefore } from '../../chat/seen-before.ts';
import { DocSeenBefore } from '../../adapters/store/doc-seen-before.ts';
import type { Clock, DocStore } from '../../domain/ports.ts';

// What the Slack adapter must remember across restarts, in the DocStore:
// - the threads it answered, so a follow-up there needs no @mention (kept 30 days);
// - the events it processed, through the seen-before port every adapter shares (kept 2 hours;
//   Slack retries within about 30 minutes). An event is marked when it is claimed and
//   forgotten again if answering it failed, so a retry after a failed first attempt is processed.

const THREAD_DAYS = 30;
/** Slack retries an event within about 30 minutes. */
export const SLACK_REPEATS_WITHIN_MS = 2 * 3_600_000;

interface MemoryDoc {
  threads: Record<string, string>;
}

export class SlackMemory {
  private readonly inFlight = new Set<string>();
  private readonly seen: SeenBefore;
  constructor(
    private readonly docs: DocStore,
    private readonly clock: Clock,
    seen?: SeenBefore,
  ) {
    this.seen = seen ?? new DocSeenBefore(docs, 'slack/seen', { clock, keepMs: SLACK_REPEATS_WITHIN_MS });
  }

  private doc() {
    return this.docs.open<MemoryDoc>('slack/memory', { threads: {} });
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
    if (await this.seen.seen(id)) return false;
    this.inFlight.add(id);
    return true;
  }

  async done(id: string): Promise<void> {
    this.inFlight.delete(id);
  }

  /** Events being processed right now. */
  get inProgress(): number {
    return this.inFlight.size;
  }

  async failed(id: string): Promise<void> {
    await this.seen.forget(id);
    this.inFlight.delete(id);
  }

  private prune(map: Record<string, string>, hours: number): void {
    const horizon = this.clock.now().getTime() - hours * 3_600_000;
    for (const [k, at] of Object.entries(map)) if (Date.parse(at) < horizon) delete map[k];
  }
}
