import { describe, expect, it } from 'vitest';
import { DrainQueues } from '../../../src/outbound/drain-queues.ts';
import { InFlight } from '../../../src/outbound/in-flight.ts';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import type { NewEntry } from '../../../src/outbound/outbox-store.ts';

// The drain's work list on its own: which entry a conversation sends next, and who waits.

const now = Date.parse('2026-11-27T01:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();
const entry = (key: string, conversation: string, extra: Partial<NewEntry> = {}): NewEntry => ({ key, kind: 'test', conversation, payload: { lang: 'en', blocks: [] }, dueAt: at(now), ...extra });

describe('DrainQueues', () => {
  it('lines up pending entries by conversation, one heap per platform with an adapter', async () => {
    const store = JournalOutboxStore.memory();
    await store.add([entry('a1', 'telegram:1'), entry('a2', 'telegram:1'), entry('b1', 'telegram:2'), entry('s1', 'slack:C1'), entry('x1', 'nope:1')], new Date(now));
    const work = new DrainQueues(store, (p) => p !== 'nope', now);
    expect([...work.heaps.keys()]).toEqual(['telegram', 'slack']);
    expect(work.heaps.get('telegram')!.size).toBe(2); // one turn per conversation, not per entry
    expect(work.nextDue('telegram:1', now)!.key).toBe('a1');
  });

  it('skips an entry held for quiet hours without holding up the rest; rests a conversation with nothing due', async () => {
    const store = JournalOutboxStore.memory();
    await store.add([entry('quiet', 'telegram:1', { notBefore: at(now + 60_000) }), entry('next', 'telegram:1'), entry('later', 'telegram:2', { notBefore: at(now + 60_000) })], new Date(now));
    const work = new DrainQueues(store, () => true, now);
    expect(work.nextDue('telegram:1', now)!.key).toBe('next');
    expect(work.nextDue('telegram:2', now)).toBeUndefined();
    // Resting: a new entry for it schedules it again.
    await store.add([entry('new', 'telegram:2')], new Date(now));
    work.heaps.get('telegram')!.pop();
    work.heaps.get('telegram')!.pop();
    work.takeQueuedSince(now);
    expect(work.heaps.get('telegram')!.pop()).toEqual({ at: now, value: 'telegram:2' });
    expect(work.nextDue('telegram:2', now)!.key).toBe('new');
  });

  it('after an attempt: a settled entry leaves, a retried one keeps its place, the conversation goes again at the time given', async () => {
    const store = JournalOutboxStore.memory();
    await store.add([entry('a1', 'telegram:1'), entry('a2', 'telegram:1')], new Date(now));
    const work = new DrainQueues(store, () => true, now);
    work.heaps.get('telegram')!.pop();
    await store.update(1, { state: 'pending', retryAt: at(now + 5000) });
    work.settle('telegram:1', 1, now + 5000);
    expect(work.heaps.get('telegram')!.pop()).toEqual({ at: now + 5000, value: 'telegram:1' });
    expect(work.nextDue('telegram:1', now + 5000)!.key).toBe('a1');
    await store.update(1, { state: 'sent' });
    work.settle('telegram:1', 1, now + 6000);
    expect(work.heaps.get('telegram')!.pop()).toEqual({ at: now + 6000, value: 'telegram:1' });
    expect(work.nextDue('telegram:1', now + 6000)!.key).toBe('a2');
    await store.update(2, { state: 'sent' });
    work.settle('telegram:1', 2, now + 7000); // nothing left: the conversation rests
    expect(work.empty).toBe(true);
  });
});

describe('InFlight', () => {
  it('counts sends to its limit, runs the follow-up when one ends and wakes whoever waits', async () => {
    const flights = new InFlight(2);
    const done: number[] = [];
    let finish!: (v: number) => void;
    flights.add(new Promise<number>((r) => (finish = r)), (v) => done.push(v));
    flights.add(Promise.resolve(7), (v) => done.push(v));
    expect(flights.full).toBe(true);
    await flights.settled();
    expect(done).toEqual([7]);
    expect(flights.size).toBe(1);
    finish(3);
    await flights.all();
    expect(done).toEqual([7, 3]);
    expect(flights.size).toBe(0);
  });
});
