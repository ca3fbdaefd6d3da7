import type { Reply } from '../../../src/chat/reply.ts';
import { MemberLinks } from '../../../src/domain/members/member-links.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { DEFAULT_PACING } from '../../../src/outbound/pacing.ts';
import { consoleWorld } from '../../support/console-world.ts';

// A store whose customers c01…c40 each paid one ¥100 order on Nov 20 (7 days before the
// start, Nov 27 09:00 Shanghai); c01…c30 linked their chat account (console:m01…), c29 and
// c30 then opted out. alice runs the community, bob is an ops manager. The test moves the
// clock and runs the engine's tick, which dispatches to a terminal chat.

/** Member DMs on the terminal go out at most 5 a minute, so a run visibly spreads out. */
export const PACING = { ...DEFAULT_PACING, console: [{ scope: 'platform' as const, count: 5, perMs: 60_000 }] };

export const START = '2026-11-27T09:00:00+08:00';
export const CUSTOMERS = 40;
export const LINKED = 30;
export const name = (i: number) => `c${String(i).padStart(2, '0')}`;

export function order(customer: string, id: string, paidIso: string, amount: number, couponCode?: string): Order {
  const paidAt = Date.parse(paidIso);
  return { platform: 'test', orderId: id, channel: 'tmall', customer, createdAt: paidAt, paidAt, status: 'paid', amount, refunded: 0, lines: [{ sku: 'SK-1', qty: 1, amount }], ...(couponCode ? { couponCode } : {}) };
}

export async function campaignApp(startIso = START) {
  const world = await consoleWorld({ start: startIso, pacing: PACING, sleepMovesClock: true, grants: [['console:alice', 'community'], ['console:bob', 'ops_manager']] });
  const { data, orders, docs } = world.app.services;
  const paid: Order[] = [];
  for (let i = 1; i <= CUSTOMERS; i++) paid.push(order(name(i), `o-${i}`, '2026-11-20T12:00:00+08:00', 10_000));
  await applyOrders(data, orders, paid);
  const links = await MemberLinks.open(docs);
  for (let i = 1; i <= LINKED; i++) await links.link(`console:m${String(i).padStart(2, '0')}`, name(i), 'order', new Date('2026-11-13T10:00:00+08:00'));
  for (const i of [29, 30]) await links.optOut(`console:m${i}`, new Date('2026-11-21T10:00:00+08:00'));
  return { app: world.app, say: world.say, press: (user: string, id: string, value: string) => world.press(user, id, value), tick: world.run, setNow: world.setNow, now: world.now };
}

export const texts = (r: Reply) =>
  r.blocks.map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : b.type === 'figures' ? b.items.map((i) => `${i.label}: ${i.value}`).join('\n') : b.type === 'choices' ? (b.prompt ?? '') : '')).join('\n');
