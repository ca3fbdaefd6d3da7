import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app/compose.ts';
import { ConsoleAdapter } from '../../../src/platforms/console/console-adapter.ts';
import { Dispatcher } from '../../../src/outbound/dispatcher.ts';
import { runTick } from '../../../src/outbound/scheduler/run-tick.ts';
import type { Reply } from '../../../src/chat/reply.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';

// The daily brief as a person sees it in the terminal chat: subscribe, a slot arrives on time,
// the bot is down for three days, and the next tick catches up each missed slot once, marked late.

async function briefApp() {
  let now = Date.parse('2026-11-25T10:00:00+08:00');
  const clock = { now: () => new Date(now) };
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', LOG_LEVEL: 'silent' }), { memory: true, clock, log: silentLogger });
  const orders: Order[] = [];
  for (let d = 20; d <= 29; d++) {
    const paidAt = Date.parse(`2026-11-${d}T12:00:00+08:00`);
    for (let i = 0; i < d - 19; i++) orders.push({ platform: 'test', orderId: `${d}-${i}`, channel: 'tmall', customer: `c${d}-${i}`, createdAt: paidAt, paidAt, status: 'paid', amount: 10_000, refunded: i === 0 ? 1_000 : 0, lines: [{ sku: 'SK-1', qty: 1, amount: 10_000 }] });
  }
  await applyOrders(app.services.data, app.services.orders, orders);
  await app.services.access.grant('console:alice', 'ops_manager');
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c) => (printed += c));
  const console_ = new ConsoleAdapter({ user: 'alice', output, prompt: false });
  const dispatcher = new Dispatcher({ store: app.services.outboxStore, adapters: { console: console_ }, clock });
  return {
    app,
    setNow: (iso: string) => void (now = Date.parse(iso)),
    say: (text: string, user = 'console:alice', conversation = 'console:ops-room') => app.bot.handle({ platform: 'console', conversation, user, direct: false, text }),
    tick: () => runTick(app.services, app.noticeSources, dispatcher),
    printed: () => printed,
    clear: () => void (printed = ''),
  };
}

const shown = (r: Reply) => r.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

describe('daily brief', () => {
  it('goes out at its time, and after downtime each missed slot once, marked late (Chinese)', async () => {
    const b = await briefApp();
    expect(shown(await b.say('日报 开启 09:00'))).toContain('每天 09:00（Asia/Shanghai）在这里发昨天的 GMV');
    expect((await b.tick()).dispatch.sent).toHaveLength(0); // today's 09:00 passed before subscribing
    b.setNow('2026-11-26T09:00:00+08:00');
    const onTime = await b.tick();
    expect(onTime.dispatch.sent.map((e) => e.key)).toEqual(['brief:console:ops-room:2026-11-26']);
    expect(b.printed()).toContain('📣 bot → console:ops-room');
    expect(b.printed()).toContain('Demo Store 日报 · 2026-11-25');
    expect(b.printed()).toContain('GMV: ¥600.00  ▲ +20.0%（上期 ¥500.00）');
    expect(b.printed()).not.toContain('迟到');

    b.clear();
    b.setNow('2026-11-29T11:05:00+08:00'); // down since the 26th
    const caught = await b.tick();
    expect(caught.dispatch.sent.map((e) => e.key)).toEqual(['2026-11-27', '2026-11-28', '2026-11-29'].map((d) => `brief:console:ops-room:${d}`));
    expect(b.printed()).toContain('（迟到 2天2小时5分）');
    expect(b.printed()).toContain('（迟到 1天2小时5分）');
    expect(b.printed()).toContain('（迟到 2小时5分）');
    expect(b.printed()).toContain('日报 · 2026-11-28');

    b.clear();
    expect((await b.tick()).dispatch.sent).toHaveLength(0);
    expect(b.printed()).toBe('');
    expect((await b.say('发送队列')).data).toMatchObject({ sent: 4, pending: 0, failed: 0 });
  });

  it('speaks English when subscribed in English, and stops when turned off', async () => {
    const b = await briefApp();
    expect(shown(await b.say('brief on 8:30', 'console:alice', 'console:dm:alice'))).toContain("every day at 08:30 (Asia/Shanghai) I'll post yesterday's GMV");
    b.setNow('2026-11-26T09:40:00+08:00');
    await b.tick();
    expect(b.printed()).toContain('Demo Store daily brief · 2026-11-25');
    expect(b.printed()).toContain('(late by 1h 10m)');
    expect(shown(await b.say('brief off', 'console:alice', 'console:dm:alice'))).toContain('The daily brief for this conversation is off.');
    b.setNow('2026-11-28T09:40:00+08:00');
    expect((await b.tick()).dispatch.sent).toHaveLength(0);
  });

  it('refuses staff and explains a bad time', async () => {
    const b = await briefApp();
    const r = await b.say('日报 开启 09:00', 'console:bob');
    expect(r.data).toMatchObject({ error: 'forbidden', needs: 'ops_manager' });
    const bad = await b.say('brief on 25:00');
    expect(shown(bad)).toContain('a time like 09:00');
  });
});
