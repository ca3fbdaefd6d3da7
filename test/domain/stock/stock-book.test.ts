import { describe, expect, it } from 'vitest';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { StockBook } from '../../../src/domain/stock/stock-book.ts';
import { promotionNeed, stockStatus, unitsSold } from '../../../src/domain/stock/stock.ts';
import { freshApp } from '../../adapters/ingest/ingest-helpers.ts';

// freshApp's today is 2026-11-27 (+08:00); the sales window is the 14 days before it.

const sale = (id: string, day: string, qty: number, sku = 'SK-A'): Order => ({ platform: 'erp', orderId: id, channel: 'web', customer: `c${id}`, createdAt: Date.parse(`${day}T12:00:00+08:00`), paidAt: Date.parse(`${day}T12:00:00+08:00`), status: 'paid', amount: qty * 100, refunded: 0, lines: [{ sku, qty, amount: qty * 100 }] });

async function storeSelling(perDay: number) {
  const app = await freshApp();
  const orders: Order[] = [];
  for (let d = 13; d <= 26; d++) orders.push(sale(`o${d}`, `2026-11-${d}`, perDay));
  orders.push(sale('old', '2026-11-12', 1000)); // outside the window
  orders.push({ ...sale('unpaid', '2026-11-20', 1000), status: 'unpaid', paidAt: undefined } as Order);
  await applyOrders(app.services.data, app.services.orders, orders);
  const today = app.services.calendar.dayOf(app.services.clock.now().getTime());
  return { app, lastDay: today - 1, now: app.services.clock.now().getTime() };
}

describe('stock levels and cover', () => {
  it('counts only paid units of the last 14 days and derives cover and default levels from them', async () => {
    const { app, lastDay } = await storeSelling(5);
    const trend = unitsSold(app.services.data, lastDay).get('SK-A')!;
    expect(trend.reduce((a, b) => a + b, 0)).toBe(70);
    const s = stockStatus({ sku: 'SK-A', warehouses: { sh: 30, bj: 20 }, updatedAt: 0 }, trend);
    expect(s).toMatchObject({ onHand: 50, rate: 5, cover: 10, warning: 70, safety: 35, level: 'warning' });
    expect(promotionNeed(s, 3, 7)).toEqual({ need: 105, short: 55 });
  });

  it('raises one alert per fall to a worse level, and again only after a recovery', async () => {
    const { app, lastDay, now } = await storeSelling(5);
    const book = await StockBook.open(app.services.docs);
    const levels = async (onHand: number) => (await book.apply([{ sku: 'SK-A', onHand, safety: 10, warning: 40 }], app.services.data, lastDay, now)).alerts.map((a) => `${a.level}#${a.n}`);
    expect(await levels(100)).toEqual([]);
    expect(await levels(35)).toEqual(['warning#1']);
    expect(await levels(30)).toEqual([]); // still at warning: no second alert
    expect(await levels(8)).toEqual(['safety#2']);
    expect(await levels(0)).toEqual(['out#3']);
    expect(await levels(0)).toEqual([]);
    expect(await levels(500)).toEqual([]);
    expect(await levels(9)).toEqual(['safety#4']);
    expect(book.doc.data.alerts).toHaveLength(4);
  });
});
