import { afterEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../../src/outbound/dispatcher.ts';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import { NoticeOutbox } from '../../../src/outbound/notice-outbox.ts';
import { scalePacing, type PacingConfig } from '../../../src/outbound/pacing.ts';
import { systemClock } from '../../../src/domain/ports.ts';
import { HttpSender } from './http-sender.ts';
import { startStandIn, type StandIn } from './stand-in-platform.ts';
import { notice } from './fakes.ts';

// Against a loopback stand-in that enforces Telegram's limits (scaled up so the test is short),
// answers bursts of 5xx and a 429 with Retry-After: nothing is lost, nothing sent twice, no 429
// is earned by our own pacing.

let standIn: StandIn | undefined;
afterEach(async () => standIn?.close());

describe('paced delivery against a stand-in platform', () => {
  it('holds pacing through 429 and 5xx bursts and delivers every message exactly once', async () => {
    const limits: PacingConfig = scalePacing({ telegram: [{ scope: 'platform', count: 30, perMs: 1000 }, { scope: 'conversation', count: 1, perMs: 1000 }, { scope: 'group', count: 20, perMs: 60_000 }] }, 10);
    standIn = await startStandIn(limits.telegram);
    const store = JournalOutboxStore.memory();
    const outbox = new NoticeOutbox(store, systemClock);
    const now = new Date().toISOString();
    const notices = Array.from({ length: 300 }, (_, i) => notice(`m${i}`, i % 2 ? `telegram:${i % 25}` : `telegram:-100${i % 25}`, now));
    await outbox.enqueueMany(notices);
    standIn.failNext(5, 503);
    standIn.failNext(1, 429, 1);
    standIn.failNext(3, 502);
    const dispatcher = new Dispatcher({ store, adapters: { telegram: new HttpSender('telegram', standIn.url) }, pacing: limits, retry: { maxAttempts: 5, baseMs: 20, maxMs: 200 } });
    const report = await dispatcher.drain();
    expect(report.sent).toHaveLength(300);
    expect(report.rateLimited).toBe(1); // only the scripted one: our pacing earned none
    expect(standIn.tooMany).toBe(1);
    expect(standIn.serverErrors).toBe(8);
    expect([...standIn.accepted.values()].every((n) => n === 1)).toBe(true);
    expect(standIn.accepted.size).toBe(300);
    expect(store.counts()).toMatchObject({ sent: 300, pending: 0, failed: 0, unconfirmed: 0 });
  });

  it('gives up after the attempts allowed and says why', async () => {
    standIn = await startStandIn();
    const store = JournalOutboxStore.memory();
    await new NoticeOutbox(store, systemClock).enqueue(notice('doomed', 'telegram:1', new Date().toISOString()));
    standIn.failNext(3, 500);
    const report = await new Dispatcher({ store, adapters: { telegram: new HttpSender('telegram', standIn.url) }, pacing: {}, retry: { maxAttempts: 3, baseMs: 5, maxMs: 20 } }).drain();
    expect(report.failed[0]).toMatchObject({ key: 'doomed', state: 'failed', attempts: 3, reason: 'gave up after 3 attempts: HTTP 500' });
    expect(standIn.accepted.size).toBe(0);
  });
});
