import type { Notice, Outbox } from '../bot/notices.ts';
import type { Clock } from '../domain/ports.ts';
import type { NewEntry, OutboxStore } from './outbox-store.ts';

/**
 * services.outbox: what features call. Usage: `await services.outbox.enqueue(notice)` (false when
 * the key was already queued) or, for a campaign, `enqueueMany(notices)`. Enqueues made in the
 * same turn of the event loop (e.g. `Promise.all(members.map(enqueue))`) share one durable write.
 */
export class NoticeOutbox implements Outbox {
  private batch: { entry: NewEntry; resolve: (v: boolean) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    readonly store: OutboxStore,
    private readonly clock: Clock,
  ) {}

  enqueue(notice: Notice): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.batch.push({ entry: toEntry(notice), resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => void this.flush());
      }
    });
  }

  async enqueueMany(notices: Notice[]): Promise<boolean[]> {
    return this.store.add(notices.map(toEntry), this.clock.now());
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.scheduled = false;
    try {
      const added = await this.store.add(batch.map((b) => b.entry), this.clock.now());
      batch.forEach((b, i) => b.resolve(added[i]));
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }
}

export function toEntry(n: Notice): NewEntry {
  return {
    key: n.key,
    kind: n.kind,
    conversation: n.target.conversation,
    thread: n.target.thread,
    payload: n.reply,
    dueAt: n.dueAt.toISOString(),
    notBefore: n.notBefore?.toISOString(),
  };
}
