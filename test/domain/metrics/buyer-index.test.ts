import { describe, expect, it } from 'vitest';
import { seeded } from '../../../src/adapters/demo/random.ts';
import { BuyerIndex } from '../../../src/domain/metrics/buyer-index.ts';
import { OrderBook } from '../../../src/domain/orders/order-book.ts';
import { Rollups } from '../../../src/domain/orders/rollups.ts';
import type { Period } from '../../../src/domain/periods.ts';
import { calendar } from '../orders/helpers.ts';

// Buyer counts from the index against a plain count, for many random periods,
// with customers buying several times a day and orders out of time order.

const DAY = 86_400_000;
const START = Date.parse('2026-09-01T00:00:00+08:00');
const day0 = calendar.dayOf(START);

function build() {
  const rand = seeded(11);
  const book = new OrderBook(calendar);
  const orders: { customer: string; paidAt: number; counts: boolean }[] = [];
  for (let i = 0; i < 1500; i++) {
    const paidAt = START + Math.floor(rand() * 40 * DAY);
    const customer = `c${Math.floor(rand() * 120)}`;
    const status = rand() < 0.08 ? 'cancelled' : 'paid';
    book.upsert({ platform: 'own', orderId: String(i), channel: 'tmall', customer, createdAt: paidAt, paidAt, status, amount: 100, refunded: 0, lines: [] }, 1);
    orders.push({ customer, paidAt, counts: status === 'paid' });
  }
  return { book, orders };
}

function plain(orders: { customer: string; paidAt: number; counts: boolean }[], p: Period) {
  const local = (t: number) => t + 8 * 3_600_000;
  const inP = orders.filter((o) => {
    const d = Math.floor(local(o.paidAt) / DAY);
    return o.counts && d >= p.from && d <= p.to && !(d === p.to && p.cutoffMs !== undefined && local(o.paidAt) % DAY > p.cutoffMs);
  });
  const per = new Map<string, number>();
  for (const o of inP) per.set(o.customer, (per.get(o.customer) ?? 0) + 1);
  const firstDay = (c: string) => Math.min(...orders.filter((o) => o.counts && o.customer === c).map((o) => Math.floor(local(o.paidAt) / DAY)));
  return { buyers: per.size, repeat: [...per.values()].filter((n) => n >= 2).length, fresh: [...per.keys()].filter((c) => firstDay(c) >= p.from && firstDay(c) <= p.to).length };
}

describe('BuyerIndex', () => {
  it('counts buyers, repeat buyers and new buyers like a plain count, with tables and without', () => {
    const { book, orders } = build();
    const r = Rollups.build(book);
    const withTables = new BuyerIndex(r);
    const scanOnly = new BuyerIndex(r, 0);
    const rand = seeded(5);
    for (let k = 0; k < 300; k++) {
      const from = day0 - 3 + Math.floor(rand() * 46);
      const to = from + Math.floor(rand() * 20);
      const p: Period = rand() < 0.5 ? { kind: 'range', from, to } : { kind: 'range', from, to, cutoffMs: Math.floor(rand() * DAY) };
      const want = plain(orders, p);
      expect({ k, ...withTables.count(p) }).toEqual({ k, ...want });
      expect({ k, ...scanOnly.count(p) }).toEqual({ k, ...want });
    }
  });
});
