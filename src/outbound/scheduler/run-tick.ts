import type { NoticeSource } from '../../bot/notices.ts';
import type { Services } from '../../bot/services.ts';
import type { DispatchReport, Dispatcher } from '../dispatcher.ts';
import { NoticeOutbox } from '../notice-outbox.ts';

// One tick of the engine: ask every source what is due at `now`, queue it, send it.
// Usage: `await runTick(services, app.noticeSources, dispatcher)`; the cron scheduler
// and `store-ops-bot tick` both call this. Catch-up is the sources' job: they derive
// what is due from stored state, so a tick after downtime finds the missed items.

export interface TickReport {
  at: Date;
  collected: number;
  queued: number;
  dispatch: DispatchReport;
  errors: { source: string; message: string }[];
}

export async function runTick(services: Services, sources: NoticeSource[], dispatcher: Dispatcher, now = services.clock.now()): Promise<TickReport> {
  const queued = await collectDue(services, sources, now);
  const dispatch = await dispatcher.drain();
  return { ...queued, dispatch };
}

/** The first half of a tick: what every source says is due at `now`, queued in the outbox. */
export async function collectDue(services: Services, sources: NoticeSource[], now = services.clock.now()): Promise<Omit<TickReport, 'dispatch'>> {
  const errors: TickReport['errors'] = [];
  let collected = 0;
  let queued = 0;
  for (const source of sources) {
    try {
      const notices = await source.collect(now, services);
      collected += notices.length;
      const outbox = services.outbox;
      const added = outbox instanceof NoticeOutbox ? await outbox.enqueueMany(notices) : await Promise.all(notices.map((n) => outbox.enqueue(n)));
      queued += added.filter(Boolean).length;
    } catch (err) {
      // One broken feature must not stop the others' reminders.
      const message = err instanceof Error ? err.message : String(err);
      errors.push({ source: source.id, message });
      services.log.error({ err, source: source.id }, 'notice source failed');
    }
  }
  return { at: now, collected, queued, errors };
}
