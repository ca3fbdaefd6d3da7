import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../../src/app/compose.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { mockWechat } from './mock-wechat.ts';

// Issue 13 point 4 on the real Wechaty (puppet-mock): a complaint typed with @所有人, @all and other
// people's @names comes back into the room without a call-out, and with the customer's details masked.

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('WeChat: typed mentions and customer details', () => {
  it('a complaint logged in a room neither calls out the room nor names the customer in full', async () => {
    const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: '2026-11-27T10:30:00+08:00', LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
    await app.services.access.grant('wechat:wxid_alice', 'cs_agent');
    const w = await mockWechat((i) => app.bot.handle(i));
    stop = w.stop;
    await w.talk(w.alice, '@运营助手\u2005新投诉 订单 TB20261101-88 瓶子破损 @所有人 @all 请@老李 看 mail jane@example.com 电话 13800130050', 'room', [w.me]);
    const said = w.heard.filter((h) => h.to === 'room');
    expect(said.length).toBeGreaterThan(0);
    const all = said.map((h) => h.text).join('\n');
    expect(all).toContain('已登记投诉');
    expect(all).not.toMatch(/@所有人|@all\b|@老李/);
    expect(all).toMatch(/@\u200b所有人/);
    expect(all).not.toMatch(/13800130050|jane@example\.com/);
    expect(all).toContain('138****0050');
    expect(all).toContain('j***@example.com');
    // Only the asker is mentioned (the adapter's own mention), never the room or Bob.
    expect(said[0].text.startsWith('@小王')).toBe(true);
  });
});
