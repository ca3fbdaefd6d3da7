import { describe, expect, it } from 'vitest';
import { SendError } from '../../../src/chat/chat-adapter.ts';
import { Dispatcher } from '../../../src/outbound/dispatcher.ts';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import { NoticeOutbox } from '../../../src/outbound/notice-outbox.ts';
import { DEFAULT_PACING } from '../../../src/outbound/pacing.ts';
import { systemClock } from '../../../src/domain/ports.ts';
import { fakeTime, notice, RecordingSender } from './fakes.ts';

const T0 = '2026-11-27T01:00:00Z';

function setup(platform = 'telegram', pacing = DEFAULT_PACING) {
  const time = fakeTime(T0);
  const store = JournalOutboxStore.memory();
  const outbox = new NoticeOutbox(store, time.clock);
  const sender = new RecordingSender(platform, () => time.now);
  const dispatcher = new Dispatcher({ store, adapters: { [platform]: sender }, pacing, clock: time.clock, sleep: time.sleep, retry: { maxAttempts: 3, baseMs: 100, maxMs: 1000 } });
  return { time, store, outbox, sender, dispatcher };
}

const textOf = (r: { blocks: { type: string; text?: string }[] }) => r.blocks.map((b) => b.text ?? '').join('\n');

describe('Dispatcher', () => {
  it('sends each queued key once and records the platform message id', async () => {
    const { outbox, store, sender, dispatcher } = setup();
    expect(await outbox.enqueue(notice('a', 'telegram:1', T0))).toBe(true);
    expect(await outbox.enqueue(notice('a', 'telegram:1', T0))).toBe(false);
    await outbox.enqueue(notice('b', 'telegram:2', T0));
    const report = await dispatcher.drain();
    expect(report.sent.map((e) => e.key).sort()).toEqual(['a', 'b']);
    expect(store.byKey('a')).toMatchObject({ state: 'sent', messageId: expect.stringMatching(/^msg-/) });
    expect((await dispatcher.drain()).sent).toHaveLength(0);
    expect(sender.sent.map((s) => s.key).sort()).toEqual(['a', 'b']);
  });

  it('holds a notice until notBefore (quiet hours), then sends it', async () => {
    const { outbox, store, sender, dispatcher, time } = setup();
    await outbox.enqueue(notice('q', 'telegram:1', T0, { notBefore: new Date(Date.parse(T0) + 3_600_000) }));
    await dispatcher.drain();
    expect(sender.sent).toHaveLength(0);
    expect(store.byKey('q')!.state).toBe('pending');
    time.advance(3_600_000);
    await dispatcher.drain();
    expect(sender.sent).toHaveLength(1);
  });

  it('does not let a notice held for quiet hours hold up a due one in the same conversation', async () => {
    const { outbox, sender, dispatcher } = setup();
    await outbox.enqueue(notice('held', 'telegram:-1001', T0, { notBefore: new Date(Date.parse(T0) + 3_600_000) }));
    await outbox.enqueue(notice('urgent', 'telegram:-1001', T0));
    await dispatcher.drain();
    expect(sender.sent.map((s) => s.key)).toEqual(['urgent']);
  });

  it('adds a late line in the notice language when sent well after it fell due', async () => {
    const { outbox, sender, dispatcher } = setup();
    await outbox.enqueue(notice('late-en', 'telegram:1', '2026-11-26T22:55:00Z'));
    await outbox.enqueue({ ...notice('late-zh', 'telegram:2', '2026-11-26T22:55:00Z'), reply: { lang: 'zh', blocks: [{ type: 'text', text: '你好' }] } });
    await outbox.enqueue(notice('on-time', 'telegram:3', '2026-11-27T00:58:00Z'));
    await dispatcher.drain();
    const byKey = Object.fromEntries(sender.sent.map((s) => [s.key, textOf(s.reply)]));
    expect(byKey['late-en']).toContain('(late by 2h 5m)');
    expect(byKey['late-zh']).toContain('（迟到 2小时5分）');
    expect(byKey['on-time']).not.toMatch(/late|迟到/);
  });

  it('paces to Telegram limits: 1/s per chat, 20/min per group, 30/s overall', async () => {
    const { outbox, sender, dispatcher } = setup();
    const notices = [];
    for (let i = 0; i < 600; i++) notices.push(notice(`n${i}`, i % 3 === 0 ? `telegram:-100${i % 30}` : `telegram:${i % 40}`, T0));
    await outbox.enqueueMany(notices);
    await dispatcher.drain();
    expect(sender.sent).toHaveLength(600);
    const byChat = new Map<string, number[]>();
    for (const s of sender.sent) byChat.set(s.target.conversation, [...(byChat.get(s.target.conversation) ?? []), s.at]);
    for (const [chat, ts] of byChat) {
      for (let i = 1; i < ts.length; i++) expect(ts[i] - ts[i - 1]).toBeGreaterThanOrEqual(1000);
      if (chat.startsWith('telegram:-')) for (let i = 20; i < ts.length; i++) expect(ts[i] - ts[i - 20]).toBeGreaterThanOrEqual(60_000);
    }
    const all = sender.sent.map((s) => s.at);
    for (let i = 30; i < all.length; i++) expect(all[i] - all[i - 30]).toBeGreaterThanOrEqual(1000);
  });

  it('retries transient failures with backoff, then marks failed with the reason', async () => {
    const { outbox, store, sender, dispatcher } = setup();
    await outbox.enqueue(notice('flaky', 'telegram:1', T0));
    sender.failures = [new SendError('transient', 'HTTP 502'), new SendError('transient', 'HTTP 503')];
    const r1 = await dispatcher.drain();
    expect(r1.retries).toBe(2);
    expect(store.byKey('flaky')).toMatchObject({ state: 'sent', attempts: 3 });
    await outbox.enqueue(notice('dead', 'telegram:2', T0));
    sender.failures = [1, 2, 3].map(() => new SendError('transient', 'HTTP 500'));
    const r2 = await dispatcher.drain();
    expect(r2.failed.map((e) => e.key)).toEqual(['dead']);
    expect(store.byKey('dead')!.reason).toMatch(/gave up after 3 attempts: HTTP 500/);
  });

  it('marks a permanent failure failed at once', async () => {
    const { outbox, store, sender, dispatcher } = setup();
    await outbox.enqueue(notice('gone', 'telegram:1', T0));
    sender.failures = [new SendError('permanent', 'chat not found')];
    await dispatcher.drain();
    expect(store.byKey('gone')).toMatchObject({ state: 'failed', attempts: 1, reason: expect.stringContaining('chat not found') });
  });

  it('never resends an ambiguous send blindly: unconfirmed without confirm, checked with it', async () => {
    const { outbox, store, sender, dispatcher } = setup();
    await outbox.enqueue(notice('amb', 'telegram:1', T0));
    sender.failures = [new SendError('ambiguous', 'timeout')];
    const r = await dispatcher.drain();
    expect(r.unconfirmed.map((e) => e.key)).toEqual(['amb']);
    expect(sender.sent).toHaveLength(0);
    expect((await dispatcher.drain()).sent).toHaveLength(0);

    await outbox.enqueue(notice('amb2', 'telegram:2', T0));
    await outbox.enqueue(notice('amb3', 'telegram:3', T0));
    sender.failures = [new SendError('ambiguous', 'timeout'), new SendError('ambiguous', 'timeout')];
    sender.confirm = async (_t, key) => (key === 'amb2' ? { messageId: 'found-it' } : null);
    await dispatcher.drain();
    expect(store.byKey('amb2')).toMatchObject({ state: 'sent', messageId: 'found-it' });
    expect(store.byKey('amb3')!.state).toBe('sent');
    expect(sender.sent.map((s) => s.key)).toEqual(['amb3']);
  });

  it('after a crash, an entry left in sending is reported as unconfirmed', async () => {
    const { outbox, store, dispatcher } = setup();
    await outbox.enqueue(notice('mid', 'telegram:1', T0));
    await store.update(store.byKey('mid')!.id, { state: 'sending', attempts: 1 });
    const r = await dispatcher.recover();
    expect(r.unconfirmed.map((e) => e.key)).toEqual(['mid']);
    expect(store.byKey('mid')!.reason).toMatch(/interrupted while sending/);
  });

  it('takes in entries queued while a long dispatch runs, without waiting for it to finish', async () => {
    const store = JournalOutboxStore.memory();
    const outbox = new NoticeOutbox(store, systemClock);
    const sender = new RecordingSender('telegram');
    const now = new Date().toISOString();
    for (let i = 0; i < 5; i++) await outbox.enqueue(notice(`campaign:${i}`, 'telegram:1', now));
    const dispatcher = new Dispatcher({ store, adapters: { telegram: sender }, pacing: { telegram: [{ scope: 'conversation', count: 1, perMs: 150 }] } });
    const draining = dispatcher.drain();
    await new Promise((r) => setTimeout(r, 50));
    await outbox.enqueue(notice('escalation', 'telegram:2', now));
    const report = await draining;
    const order = sender.sent.map((s) => s.key);
    expect(report.sent).toHaveLength(6);
    expect(order.indexOf('escalation')).toBeLessThan(order.indexOf('campaign:4'));
  });

  it('leaves entries for a platform with no adapter pending', async () => {
    const { outbox, store, dispatcher } = setup();
    await outbox.enqueue(notice('s', 'slack:C1', T0));
    await dispatcher.drain();
    expect(store.byKey('s')!.state).toBe('pending');
  });

  it('honours Retry-After: the platform is held, the attempt is given back', async () => {
    const { outbox, store, sender, dispatcher, time } = setup();
    await outbox.enqueue(notice('r', 'telegram:1', T0));
    sender.failures = [new SendError('rate_limited', 'too many', 7000)];
    const start = time.now;
    await dispatcher.drain();
    expect(store.byKey('r')).toMatchObject({ state: 'sent', attempts: 1 });
    expect(sender.sent[0].at - start).toBeGreaterThanOrEqual(7000);
  });
});
