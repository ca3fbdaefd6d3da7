import { describe, expect, it } from 'vitest';
import { SlackMemory } from '../../../../src/platforms/slack/slack-memory.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';

// What the adapter remembers: events for a while (Slack retries within ~30 min), threads for 30 days.

const clockAt = (iso: string) => {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (h: number) => void (t += h * 3_600_000) };
};

describe('slack memory', () => {
  it('claims an event once, lets a failed attempt be claimed again, and forgets events after the horizon', async () => {
    const clock = clockAt('2026-11-27T02:00:00Z');
    const m = new SlackMemory(new MemoryDocStore(), clock);
    expect(await Promise.all([m.claim('event:Ev1'), m.claim('event:Ev1')])).toEqual([true, false]); // concurrent deliveries
    m.failed('event:Ev1');
    expect(await m.claim('event:Ev1')).toBe(true);
    await m.done('event:Ev1');
    expect(await m.claim('event:Ev1')).toBe(false);
    clock.advance(3);
    expect(await m.claim('event:Ev2')).toBe(true);
    await m.done('event:Ev2'); // writing prunes what is past the 2-hour horizon
    expect(await m.claim('event:Ev1')).toBe(true);
    expect(m.inProgress).toBe(1);
  });

  it('remembers answered threads for 30 days, per channel', async () => {
    const clock = clockAt('2026-11-27T02:00:00Z');
    const docs = new MemoryDocStore();
    await new SlackMemory(docs, clock).rememberThread('C1', '1764210000.000100');
    const again = new SlackMemory(docs, clock); // a restart over the same documents
    expect(await again.answeredThread('C1', '1764210000.000100')).toBe(true);
    expect(await again.answeredThread('C2', '1764210000.000100')).toBe(false);
    clock.advance(31 * 24);
    await again.rememberThread('C1', '1764299999.000100');
    expect(await again.answeredThread('C1', '1764210000.000100')).toBe(false);
  });
});
