import { describe, expect, it } from 'vitest';
import { briefReply } from '../../../src/features/brief/brief-source.ts';
import { stockAlertSource } from '../../../src/features/stock/stock-alerts.ts';
import type { ChartBlock, Reply } from '../../../src/chat/reply.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { StockBook } from '../../../src/domain/stock/stock-book.ts';
import { consoleWorld } from '../../support/console-world.ts';

// Stock crossings through the alert rules: rooms with `alerts on` get them as alert cards, rooms with
// `stock alerts on` too, and a room with both gets each crossing once; they are listed by `alerts`,
// acknowledged and muted from the card, and keep the SKU's sales trend.

const NOW = '2026-11-27T10:00:00+08:00';
const sale = (id: string, day: string, qty: number, sku: string): Order => ({ platform: 'erp', orderId: id, channel: 'web', customer: `c${id}`, createdAt: Date.parse(`${day}T12:00:00+08:00`), paidAt: Date.parse(`${day}T12:00:00+08:00`), status: 'paid', amount: qty * 100, refunded: 0, lines: [{ sku, qty, amount: qty * 100 }] });
const chartOf = (r: Reply) => r.blocks.find((b): b is ChartBlock => b.type === 'chart');

async function world(start = NOW) {
  const w = await consoleWorld({ start, grants: [['console:olivia', 'ops_manager']] });
  const s = w.app.services;
  // SK-A sells 1, 2, … 14 units on the 14 days before the 27th.
  await applyOrders(s.data, s.orders, Array.from({ length: 14 }, (_, i) => sale(`a${i}`, `2026-11-${String(13 + i).padStart(2, '0')}`, i + 1, 'SK-A')));
  const ask = (conversation: string, user: string, text: string, lang?: 'zh' | 'en') => w.app.bot.handle({ platform: 'console', conversation, user: `console:${user}`, text, direct: false, ...(lang ? { lang } : {}) });
  const stock = async (sku: string, onHand: number) => {
    const book = await StockBook.open(s.docs);
    const now = s.clock.now().getTime();
    return (await book.apply([{ sku, onHand, safety: 20, warning: 60 }], s.data, s.calendar.dayOf(now) - 1, now)).alerts;
  };
  return { w, s, ask, stock };
}

describe('stock alerts through the alert rules', () => {
  it('reaches alert rooms and stock rooms, each crossing once per room, as a card with the trend', async () => {
    const { w, s, ask, stock } = await world();
    await ask('console:alerts-only', 'olivia', 'alerts on');
    await ask('console:stock-only', 'bob', '库存预警 开启');
    await ask('console:both', 'olivia', '预警 开启');
    await ask('console:both', 'bob', '库存预警 开启');
    await ask('console:neither', 'bob', '库存');
    await stock('SK-A', 50); // below warning stock
    await stock('SK-B', 0); // out of stock, never sold
    const notices = await stockAlertSource.collect(s.clock.now(), s);
    const rooms = notices.map((n) => n.target.conversation);
    for (const room of ['console:alerts-only', 'console:stock-only', 'console:both']) expect(rooms.filter((r) => r === room)).toHaveLength(2);
    expect(rooms).not.toContain('console:neither');
    expect(new Set(notices.map((n) => n.key)).size).toBe(notices.length);

    const card = notices.find((n) => n.target.conversation === 'console:both' && n.key.includes('SK-A'))!;
    expect(card.key).toBe(`alert:console:both:stock_level:stock:*:${s.calendar.dayOf(w.now())}:SK-A:warning`);
    expect(card.reply.summary).toContain('SK-A 低于预警库存');
    expect(JSON.stringify(card.reply.blocks)).toContain('⚠ 警告 · 库存预警');
    const trend = chartOf(card.reply)!;
    expect(trend.points.map((p) => p.value)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(card.reply.blocks.find((b) => b.type === 'choices')).toMatchObject({ choices: [{ action: { id: 'alert_ack' } }, { action: { id: 'alert_mute' } }, { action: { id: 'stock', value: 'SK-A' } }] });
    const out = notices.find((n) => n.target.conversation === 'console:alerts-only' && n.key.includes('SK-B'))!;
    expect(out.reply.lang).toBe('en');
    expect(out.reply.summary).toMatch(/^🚨 Critical Stock level: SK-B out of stock: 0 on hand/);

    // Through the engine: each room prints each crossing once, and a second tick sends nothing.
    const printed = await w.tick();
    for (const room of ['console:alerts-only', 'console:stock-only', 'console:both']) expect(printed.split(`bot → ${room}\n`)).toHaveLength(3);
    expect(printed).not.toContain('console:neither');
    expect(printed.match(/SK-A (低于预警库存|below warning stock)/g)).toHaveLength(3);
    expect(printed.match(/SK-B (缺货|out of stock)/g)).toHaveLength(3);
    expect(await stockAlertSource.collect(s.clock.now(), s)).toEqual([]);
    expect(await w.tick()).not.toContain('SK-A');
  });

  it('lists stock alerts with their SKU (and in --json), acknowledges and mutes them from the card', async () => {
    const { w, s, ask, stock } = await world();
    await ask('console:ops-room', 'olivia', 'alerts on');
    await stock('SK-A', 10); // below safety stock: critical
    const list = await w.say('bob', '预警');
    const rows = (list.data as { alerts: { key: string; rule: string; sku?: string; level?: string; severity: string; value: number; threshold: number }[] }).alerts.filter((a) => a.rule === 'stock_level');
    expect(rows).toEqual([expect.objectContaining({ sku: 'SK-A', level: 'safety', severity: 'critical', value: 10, threshold: 20 })]);
    expect(JSON.stringify(list.blocks)).toContain('库存预警 · SK-A 低于安全库存');

    const acked = await w.press('bob', 'alert_ack', rows[0].key);
    expect(acked.replaceOriginal).toBe(true);
    expect(JSON.stringify(acked.blocks)).toContain('bob 已于');
    expect(chartOf(acked)).toBeDefined();
    expect(JSON.stringify((await w.say('bob', 'alerts')).blocks)).toContain('acknowledged');
    expect(JSON.stringify((await w.press('bob', 'alert_why', rows[0].key)).blocks)).toContain('库存 SK-A');

    await w.tick();
    const muted = await w.press('olivia', 'alert_mute', `${rows[0].key} 7`, 'en');
    expect(JSON.stringify(muted.blocks)).toContain('every SKU');
    await stock('SK-C', 0);
    expect((await stockAlertSource.collect(s.clock.now(), s)).filter((n) => n.target.conversation === 'console:ops-room')).toEqual([]);
    expect(JSON.stringify((await w.say('bob', 'alerts')).blocks)).toContain('SK-C'); // muted here, still listed
    const gone = await w.press('bob', 'alert_ack', rows[0].key.replace('SK-A', 'SK-Z'));
    expect(gone.blocks[0]).toMatchObject({ tone: 'warning' });

    // The next morning's brief counts the day's open stock alert (SK-C), not the acknowledged one (SK-A).
    w.setNow('2026-11-28T09:00:00+08:00');
    const brief = JSON.stringify((await briefReply(s, s.calendar.dayOf(w.now()) - 1, 'en')).blocks);
    expect(brief).toContain('Stock level · SK-C');
    expect(brief).not.toContain('Stock level · SK-A');
  });

  it('holds a night crossing for an alert room until quiet hours end, but not for a room that asked for stock alerts', async () => {
    const { s, ask, stock } = await world('2026-11-27T23:30:00+08:00');
    await ask('console:alerts-only', 'olivia', 'alerts on');
    await ask('console:stock-only', 'bob', 'stock alerts on');
    await ask('console:both', 'olivia', 'alerts on');
    await ask('console:both', 'bob', 'stock alerts on');
    await stock('SK-A', 0);
    const notices = await stockAlertSource.collect(s.clock.now(), s);
    const of = (room: string) => notices.filter((n) => n.target.conversation === room);
    expect(of('console:alerts-only').map((n) => n.notBefore?.toISOString())).toEqual([new Date('2026-11-28T08:00:00+08:00').toISOString()]);
    expect(of('console:stock-only').map((n) => n.notBefore)).toEqual([undefined]);
    expect(of('console:both').map((n) => n.notBefore)).toEqual([undefined]);
  });

  it('does not send again a crossing a stock room got before stock alerts were alerts', async () => {
    const { s, ask, stock } = await world();
    await ask('console:stock-only', 'bob', 'stock alerts on');
    const [c] = await stock('SK-A', 0);
    const old = (await stockAlertSource.collect(s.clock.now(), s))[0];
    await s.outbox.enqueue({ ...old, key: `stock:console:stock-only:${c.sku}:${c.level}:${c.n}` });
    expect(await stockAlertSource.collect(s.clock.now(), s)).toEqual([]);
  });
});
