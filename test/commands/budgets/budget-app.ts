import type { Reply } from '../../../src/chat/reply.ts';
import { applyOrders, applySeries, type SeriesRow } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { consoleWorld } from '../../support/console-world.ts';

// A store with November spend and GMV per channel, two ops managers (bob, carol), a clock
// the test moves, and the engine's tick dispatching to a terminal chat.
// Per day, Nov 1–19 (in yuan): spend douyin 1,000 / xiaohongshu 1,000 / tmall 500 / jd 500;
// GMV douyin 3,000 (ROI 3) / xiaohongshu 1,200 (ROI 1.2) / tmall 2,500 (ROI 5) / jd 2,000 (ROI 4).

export const NOW = '2026-11-20T10:00:00+08:00';
const DAILY: Record<string, [spend: number, gmv: number]> = { douyin: [1_000, 3_000], xiaohongshu: [1_000, 1_200], tmall: [500, 2_500], jd: [500, 2_000] };

export async function budgetApp(startIso = NOW) {
  const world = await consoleWorld({ start: startIso, grants: [['console:bob', 'ops_manager'], ['console:carol', 'ops_manager']] });
  const { data, orders, calendar } = world.app.services;
  const spend: SeriesRow[] = [];
  const paid: Order[] = [];
  for (let d = 1; d <= 19; d++) {
    const paidAt = Date.parse(`2026-11-${String(d).padStart(2, '0')}T12:00:00+08:00`);
    for (const [channel, [s, g]] of Object.entries(DAILY)) {
      spend.push({ day: calendar.dayOf(paidAt), channel, value: s * 100 });
      paid.push({ platform: 'test', orderId: `${channel}-${d}`, channel, customer: `c-${channel}-${d}`, createdAt: paidAt, paidAt, status: 'paid', amount: g * 100, refunded: 0, lines: [{ sku: 'SK-1', qty: 1, amount: g * 100 }] });
    }
  }
  await applyOrders(data, orders, paid);
  await applySeries(data, orders, 'spend', spend);
  return { app: world.app, terminal: world.terminal, say: world.say, press: world.press, tick: (iso: string) => world.tick(iso), setNow: world.setNow };
}

export const texts = (r: Reply) => r.blocks.map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : '')).join('\n');
