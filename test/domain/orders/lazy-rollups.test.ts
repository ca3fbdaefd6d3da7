import { describe, expect, it } from 'vitest';
import { Rollups } from '../../../src/domain/orders/rollups.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { calendar, newData, order } from './helpers.ts';

// The rollups are rebuilt on the first query after a change, not at every live batch. Whatever
// batches came in between, what a query reads must equal a rebuild from the book, and the
// figures must equal a plain sum over the orders' final states, to the cent. Between changes
// the same rollups object is served: caches (buyer index, freshness, alerts) are keyed on it.

function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

/** A batch of new orders and revisions of earlier ones (refunds, cancellations, moved days, new buyers). */
function batch(pick: (n: number) => number, next: number, size: number): Order[] {
  return Array.from({ length: size }, () => {
    const id = String(pick(3) === 0 && next > 0 ? pick(next) : next + pick(50));
    const day = 1 + pick(28);
    const hour = String(pick(24)).padStart(2, '0');
    const paid = `2026-11-${String(day).padStart(2, '0')}T${hour}:${String(pick(60)).padStart(2, '0')}:00+08:00`;
    const amount = 100 + pick(100_000);
    const kind = pick(10);
    const base = { paid, amount, customer: `c${pick(40)}`, channel: ['tmall', 'jd', 'douyin'][pick(3)], refunded: kind === 1 ? pick(amount) : 0 };
    if (kind === 2) return order(id, { ...base, status: 'cancelled' });
    if (kind === 3) return order(id, { created: paid, customer: base.customer, amount });
    return order(id, base);
  });
}

describe('rollups rebuilt lazily', () => {
  for (const seed of [3, 17, 2026]) {
    it(`equal a full rebuild and a plain sum after every batch (seed ${seed})`, () => {
      const data = newData();
      const pick = random(seed);
      const truth = new Map<string, Order>();
      let next = 0;
      for (let b = 0; b < 25; b++) {
        const before = data.rollups;
        const orders = batch(pick, next, 1 + pick(40));
        for (const o of orders) {
          data.book.upsert(o, b + 1);
          truth.set(o.orderId, o);
        }
        next = truth.size;
        data.refresh();
        const r = data.rollups;
        expect(r).not.toBe(before);
        expect(data.rollups).toBe(r); // no change, no rebuild
        expect(r).toEqual(Rollups.build(data.book));

        const counted = [...truth.values()].filter((o) => o.status === 'paid' && o.paidAt !== undefined);
        const sum = (f: (o: Order) => number) => counted.reduce((a, o) => a + f(o), 0);
        expect(r.gmv.reduce((a, v) => a + v, 0)).toBe(sum((o) => o.amount));
        expect(r.refund.reduce((a, v) => a + v, 0)).toBe(sum((o) => o.refunded));
        expect(r.byDay.length).toBe(counted.length);
        for (const o of counted.slice(0, 5)) {
          const d = calendar.dayOf(o.paidAt!) - r.minDay;
          const rows = Array.from(r.byDay.subarray(r.dayStart[d], r.dayStart[d + 1]));
          expect(rows.map((row) => data.book.order(row).orderId)).toContain(o.orderId);
        }
      }
    });
  }
});
