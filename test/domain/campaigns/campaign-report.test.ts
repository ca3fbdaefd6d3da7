import { describe, expect, it } from 'vitest';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import { campaignFigures, pushKey } from '../../../src/domain/campaigns/campaign-report.ts';
import { buildRun } from '../../../src/domain/campaigns/campaign-run.ts';
import { dueSteps } from '../../../src/domain/campaigns/schedule.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { cal, campaign, paidOrder, world } from './campaign-world.ts';

describe('campaign report', () => {
  it('attributes redemptions, GMV, cost, ROI and repurchase from imported orders', async () => {
    const w = await world(200, 200, undefined, { holdoutShare: 0.25 });
    const c = campaign(4, { runFrom: '2026-11-27T00:00:00+08:00' });
    const due = dueSteps(c, Date.parse('2026-11-27T10:00:00+08:00'), cal)[0];
    const run = (await buildRun(c, due, w.inputs)).data;
    const store = JournalOutboxStore.memory();
    const now = new Date('2026-11-27T10:00:00+08:00');
    await store.add(run.customers.map((m, i) => ({ key: pushKey(4, run.step, m), kind: 'coupon.push', conversation: `test:dm:u${i}`, payload: { lang: 'en', blocks: [] }, dueAt: now.toISOString() })), now);
    // 3 of the pushes failed, 2 are unconfirmed, the rest went out.
    const ids = store.idsIn('pending');
    for (const [k, id] of ids.entries()) await store.update(id, { state: k < 3 ? 'failed' : k < 5 ? 'unconfirmed' : 'sent' });

    // Orders: every 4th pushed member redeems (some typed in lower case), one redeems on a cancelled
    // order (not counted), one order carries a code of another campaign, a quarter of the holdout
    // buys again within 14 days, and some pushed members buy after the window (not repurchase).
    const orders: Order[] = [];
    run.customers.forEach((m, i) => {
      if (i % 4 === 0) orders.push(paidOrder(m, `r${i}`, '2026-11-29T12:00:00+08:00', 25_000 + i, i % 8 === 0 ? run.codes[i].toLowerCase() : run.codes[i]));
      else if (i % 4 === 1) orders.push(paidOrder(m, `late${i}`, '2026-12-20T12:00:00+08:00', 9_000));
    });
    orders.push({ ...paidOrder(run.customers[2], 'x-cancel', '2026-11-29T12:00:00+08:00', 30_000, run.codes[2]), status: 'cancelled', paidAt: undefined });
    orders.push(paidOrder(run.customers[3], 'x-other', '2026-11-29T12:00:00+08:00', 30_000, 'RB-ZZZZZZZ'));
    run.holdout.forEach((h, i) => {
      if (i % 4 === 0) orders.push(paidOrder(h, `h${i}`, '2026-12-05T12:00:00+08:00', 12_000));
    });
    await applyOrders(w.data, w.repo, orders);

    const f = campaignFigures(c, [run], w.data, store, Date.parse('2026-12-31T00:00:00+08:00'));
    // The independent count, straight from the order list and the run.
    const codes = new Set(run.codes);
    const redeeming = orders.filter((o) => o.status === 'paid' && o.couponCode && codes.has(o.couponCode.toUpperCase()));
    const pushedBought = new Set(orders.filter((o) => o.status === 'paid' && run.customers.includes(o.customer) && o.paidAt! <= Date.parse('2026-12-11T10:00:00+08:00')).map((o) => o.customer));
    const holdBought = new Set(orders.filter((o) => run.holdout.includes(o.customer) && o.paidAt! > Date.parse('2026-11-27T10:00:00+08:00')).map((o) => o.customer));

    expect(f.issued).toBe(run.customers.length);
    expect(f).toMatchObject({ sent: run.customers.length - 5, failed: 5, queued: 0, audience: 200, holdout: run.holdout.length });
    expect(f.redeemed).toBe(redeeming.length);
    expect(f.redeemed).toBe(Math.ceil(run.customers.length / 4));
    expect(f.gmv).toBe(redeeming.reduce((s, o) => s + o.amount, 0));
    expect(f.cost).toBe(redeeming.length * 3_000);
    expect(f.roi).toBeCloseTo(f.gmv / f.cost, 10);
    expect(f.redemptionRate).toBeCloseTo(redeeming.length / f.sent, 10);
    expect(f.pushedRepurchase).toEqual({ members: run.customers.length, bought: pushedBought.size, rate: pushedBought.size / run.customers.length });
    expect(f.holdoutRepurchase).toEqual({ members: run.holdout.length, bought: holdBought.size, rate: holdBought.size / run.holdout.length });
  });
});
