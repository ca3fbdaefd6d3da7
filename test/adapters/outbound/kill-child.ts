import { Dispatcher } from '../../../src/outbound/dispatcher.ts';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import { NoticeOutbox } from '../../../src/outbound/notice-outbox.ts';
import { systemClock } from '../../../src/domain/ports.ts';
import { notice } from './fakes.ts';
import { HttpSender } from './http-sender.ts';

// The process the kill test SIGKILLs at random moments: it queues the same 2,000 notices
// (idempotently: a restart queues nothing new), recovers what a kill interrupted and drains.

const dir = process.env.OUTBOX_DIR!;
const total = Number(process.env.MESSAGES ?? 2000);
const store = JournalOutboxStore.open(dir, { fsync: true, compactAfter: 700 });
process.stdout.write('started\n');
const outbox = new NoticeOutbox(store, systemClock);
const due = '2026-11-27T01:00:00Z';
for (let from = 0; from < total; from += 250) {
  await outbox.enqueueMany(Array.from({ length: Math.min(250, total - from) }, (_, i) => notice(`msg:${from + i}`, `telegram:${(from + i) % 50}`, due)));
}
const sender = new HttpSender('telegram', process.env.STAND_IN_URL!, { canConfirm: process.env.CAN_CONFIRM === '1' });
const dispatcher = new Dispatcher({ store, adapters: { telegram: sender }, pacing: { telegram: [{ scope: 'platform', count: 600, perMs: 1000 }] }, maxInFlight: 8, lateAfterMs: Infinity });
await dispatcher.recover();
await dispatcher.drain();
process.stdout.write(`done ${JSON.stringify(store.counts())}\n`);
await store.close();
