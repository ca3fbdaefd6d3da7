import { afterEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../../src/platforms/telegram/telegram-adapter.ts';
import { Dispatcher } from '../../../../src/outbound/dispatcher.ts';
import { JournalOutboxStore } from '../../../../src/outbound/journal-outbox-store.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import type { Reply } from '../../../../src/chat/reply.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { BOT_INFO, BotApiStandIn } from './bot-api-stand-in.ts';

// The outbox's Telegram sender under the engine's dispatcher: a 429 from Telegram holds
// the message for retry_after and then sends it, once.

let api: BotApiStandIn;
afterEach(() => api?.close());

describe('telegram sender in the outbound engine', () => {
  it('a 429 delays an outbox message by retry_after but does not lose or double it', async () => {
    api = new BotApiStandIn();
    const adapter = new TelegramAdapter({ token: '123:TEST', apiRoot: await api.listen(), botInfo: BOT_INFO, docs: new MemoryDocStore(), log: silentLogger });
    let t = Date.parse('2026-11-27T02:00:00Z');
    const slept: number[] = [];
    const store = JournalOutboxStore.memory();
    const dispatcher = new Dispatcher({
      store,
      adapters: { telegram: adapter },
      clock: { now: () => new Date(t) },
      // The engine's waits pass on a test clock instead of real time.
      sleep: async (ms) => {
        slept.push(ms);
        t += ms;
      },
      log: silentLogger,
    });
    const reply: Reply = { lang: 'zh', blocks: [{ type: 'text', text: '库存预警：SKU <杯&碟> 只剩 3 件', tone: 'warning' }] };
    await store.add([{ key: 'stock:cup:1', kind: 'alert', conversation: 'telegram:-1001234567890', payload: reply, dueAt: new Date(t).toISOString() }], new Date(t));
    api.fail('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } });
    const start = t;
    const report = await dispatcher.drain();
    expect(report.rateLimited).toBe(1);
    expect(report.sent).toHaveLength(1);
    expect(report.failed).toEqual([]);
    const sends = api.callsOf('sendMessage');
    expect(sends).toHaveLength(2); // the refused one and the one that went through
    expect(sends[1].text).toBe('⚠️ 库存预警：SKU &lt;杯&amp;碟&gt; 只剩 3 件');
    expect(t - start).toBeGreaterThanOrEqual(5000); // held for Telegram's retry_after
    const [entry] = report.sent;
    expect(entry).toMatchObject({ state: 'sent', attempts: 1 });
    expect(Number(entry.messageId)).toBeGreaterThan(0);
    await store.close();
  });
});
