import { describe, expect, it } from 'vitest';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { freshnessText, quietFeedBlocks } from '../../../src/features/metrics/freshness.ts';
import { freshApp } from '../../adapters/ingest/ingest-helpers.ts';

// BOT_NOW is 2026-11-27 10:00 (+08:00) in freshApp.

const order = (platform: string, id: string, created: string): Order => ({ platform, orderId: id, channel: 'web', customer: `c-${id}`, createdAt: Date.parse(created), paidAt: Date.parse(created), status: 'paid', amount: 100, refunded: 0, lines: [] });

describe('freshness', () => {
  it('names the newest order time, with its date when it is not today, and ignores times after now', async () => {
    const app = await freshApp();
    expect(freshnessText(app.services, 'en')).toBeUndefined();
    await applyOrders(app.services.data, app.services.orders, [order('erp', '1', '2026-11-26T21:15:00+08:00')]);
    expect(freshnessText(app.services, 'en')).toBe('data to 2026-11-26 21:15');
    await applyOrders(app.services.data, app.services.orders, [order('erp', '2', '2026-11-27T09:32:00+08:00'), order('erp', '3', '2026-11-27T11:00:00+08:00')]);
    expect(freshnessText(app.services, 'zh')).toBe('数据截至 09:32');
  });

  it('answers a metric question with the freshness on its context line', async () => {
    const app = await freshApp();
    await applyOrders(app.services.data, app.services.orders, [order('erp', '1', '2026-11-27T08:05:00+08:00')]);
    const reply = await app.bot.handle({ platform: 'console', conversation: 'console:room', user: 'console:amy', text: 'gmv today', direct: false });
    const context = reply.blocks.filter((b) => b.type === 'context').map((b) => (b as { text: string }).text);
    expect(context.at(-1)).toMatch(/data to 08:05$/);
  });

  it('flags a platform silent for longer than its usual gap, and not one that is on time', async () => {
    const app = await freshApp();
    const orders: Order[] = [];
    // shopify: an order every 20 minutes until 02:00, then nothing for 8 hours; erp: every 20 minutes until 09:50.
    for (let i = 0; i < 30; i++) {
      orders.push(order('shopify', `s${i}`, new Date(Date.parse('2026-11-26T16:20:00+08:00') + i * 20 * 60_000).toISOString()));
      orders.push(order('erp', `e${i}`, new Date(Date.parse('2026-11-27T00:10:00+08:00') + i * 20 * 60_000).toISOString()));
    }
    await applyOrders(app.services.data, app.services.orders, orders);
    const lines = quietFeedBlocks(app.services, 'en').map((b) => (b as { text: string }).text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^⚠️ shopify: no new orders for 8\.0 h/);
  });
});
