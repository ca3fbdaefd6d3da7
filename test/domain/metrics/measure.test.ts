import { describe, expect, it } from 'vitest';
import { MemoryDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { measure } from '../../../src/domain/metrics/measure.ts';
import type { Metric } from '../../../src/domain/metrics/metric.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { OrderRepository } from '../../../src/adapters/store/orders/order-repository.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { previousPeriod, resolvePeriod, type Period, type PeriodSpec } from '../../../src/domain/periods.ts';
import { seeded } from '../../../src/adapters/demo/random.ts';
import { at, calendar, newData, order } from '../orders/helpers.ts';

// Metrics on a small hand-made book, against expected values computed here by
// plain filtering over the same orders (not the book's code).

const NOW = at('2026-11-27T10:00:00+08:00');
const CHANNELS = ['tmall', 'jd', 'douyin'];

/** 400 orders over 75 days up to now, some on today and yesterday on both sides of 10:00. */
function makeOrders(): Order[] {
  const rand = seeded(7);
  const out: Order[] = [];
  for (let i = 0; i < 400; i++) {
    const paidAt = NOW - Math.floor(rand() * 75 * 86_400_000) + (i % 10 === 0 ? 5 * 3_600_000 : 0);
    const r = rand();
    const status = r < 0.05 ? 'cancelled' : r < 0.1 ? 'unpaid' : 'paid';
    const amount = 100 * (1 + Math.floor(rand() * 500));
    const lines = [{ sku: `S${i % 4}`, qty: 1 + (i % 3), amount: Math.floor(amount / 2) }, { sku: `S${(i + 1) % 4}`, qty: 1, amount: amount - Math.floor(amount / 2) }];
    out.push({ ...order(`o${i}`, {}), customer: `c${Math.floor(rand() * 60)}`, channel: CHANNELS[i % 3], createdAt: paidAt - 1000, ...(status === 'unpaid' ? {} : { paidAt }), status, amount, refunded: rand() < 0.1 ? Math.floor(amount / 3) : 0, lines });
  }
  // The same order imported twice: the second version (refunded) replaces the first.
  out.push({ ...out[3], refunded: out[3].status === 'paid' ? out[3].amount : 0 });
  return out;
}

async function store(orders: Order[]) {
  const data = newData();
  await applyOrders(data, new OrderRepository(new MemoryDocStore(), data), orders);
  return data;
}

/** The independent computation: which orders fall in a period, by plain date arithmetic. */
function inPeriod(o: Order, p: Period): boolean {
  if (o.status !== 'paid' || o.paidAt === undefined) return false;
  const day = Math.floor((o.paidAt + 8 * 3_600_000) / 86_400_000);
  if (day < p.from || day > p.to) return false;
  return !(day === p.to && p.cutoffMs !== undefined && (o.paidAt + 8 * 3_600_000) % 86_400_000 > p.cutoffMs);
}

function expected(all: Order[], metric: Metric, p: Period, channel?: string): number | null {
  const latest = new Map(all.map((o) => [o.orderId, o]));
  const orders = [...latest.values()];
  const xs = orders.filter((o) => inPeriod(o, p) && (channel === undefined || o.channel === channel));
  const gmv = xs.reduce((a, o) => a + o.amount, 0);
  const refund = xs.reduce((a, o) => a + o.refunded, 0);
  const per = new Map<string, number>();
  for (const o of xs) per.set(o.customer, (per.get(o.customer) ?? 0) + 1);
  const firstDay = (c: string) => Math.min(...orders.filter((o) => o.customer === c && o.status === 'paid').map((o) => Math.floor((o.paidAt! + 8 * 3_600_000) / 86_400_000)));
  switch (metric) {
    case 'gmv': return gmv;
    case 'net_gmv': return gmv - refund;
    case 'orders': return xs.length;
    case 'aov': return xs.length ? Math.round(gmv / xs.length) : null;
    case 'refund_rate': return gmv ? refund / gmv : null;
    case 'buyers': return per.size;
    case 'repurchase': return per.size ? [...per.values()].filter((n) => n >= 2).length / per.size : null;
    case 'new_share': return per.size ? [...per.keys()].filter((c) => firstDay(c) >= p.from && firstDay(c) <= p.to).length / per.size : null;
    default: throw new Error(metric);
  }
}

const SPECS: PeriodSpec[] = [{ kind: 'today' }, { kind: 'yesterday' }, { kind: 'this_week' }, { kind: 'last_week' }, { kind: 'this_month' }, { kind: 'last_month' }, { kind: 'last_days', n: 30 }, { kind: 'last_days', n: 90 }];
const METRICS: Metric[] = ['gmv', 'net_gmv', 'orders', 'aov', 'refund_rate', 'buyers', 'repurchase', 'new_share'];

describe('measure on a hand-made book', () => {
  it('agrees with a plain computation for every metric, period and previous period', async () => {
    const orders = makeOrders();
    const data = await store(orders);
    for (const spec of SPECS) {
      const p = resolvePeriod(spec, NOW, calendar);
      for (const metric of METRICS) {
        const m = measure(data, metric, p);
        expect([spec.kind, metric, m.value]).toEqual([spec.kind, metric, expected(orders, metric, p)]);
        expect([spec.kind, metric, m.previous]).toEqual([spec.kind, metric, expected(orders, metric, previousPeriod(p))]);
      }
    }
  });

  it('breaks down by channel, each row with its previous period', async () => {
    const orders = makeOrders();
    const data = await store(orders);
    for (const spec of SPECS) {
      const p = resolvePeriod(spec, NOW, calendar);
      for (const metric of ['gmv', 'repurchase', 'buyers'] as Metric[]) {
        const m = measure(data, metric, p, 'channel');
        for (const ch of CHANNELS) {
          const row = m.rows!.find((r) => r.key === ch);
          const want = { value: expected(orders, metric, p, ch), previous: expected(orders, metric, previousPeriod(p), ch) };
          // A channel with nothing (null or zero) in both periods is left out of the table (issue 13, point 7).
          const nothing = (v: number | null) => v === null || v === 0;
          if (nothing(want.value) && nothing(want.previous)) expect(row).toBeUndefined();
          else expect({ ch, value: row?.value, previous: row?.previous }).toEqual({ ch, ...want });
        }
      }
    }
  });

  it('today counts orders paid up to now only, and compares with yesterday up to the same time', async () => {
    const t = (h: string) => order(h, { paid: h, amount: 1000 });
    const data = await store([t('2026-11-27T00:00:00+08:00'), t('2026-11-27T10:00:00+08:00'), t('2026-11-27T10:00:01+08:00'), t('2026-11-26T09:59:59+08:00'), t('2026-11-26T10:00:01+08:00'), t('2026-11-26T23:59:59+08:00')]);
    const m = measure(data, 'gmv', resolvePeriod({ kind: 'today' }, NOW, calendar));
    expect([m.value, m.previous]).toEqual([2000, 1000]);
    const y = measure(data, 'orders', resolvePeriod({ kind: 'yesterday' }, NOW, calendar));
    expect(y.value).toBe(3);
  });

  it('ranks SKUs by line sales of counted orders', async () => {
    const orders = makeOrders();
    const data = await store(orders);
    const p = resolvePeriod({ kind: 'last_days', n: 30 }, NOW, calendar);
    const m = measure(data, 'top_skus', p, undefined, 3);
    const sales = new Map<string, number>();
    for (const o of new Map(orders.map((o) => [o.orderId, o])).values()) if (inPeriod(o, p)) for (const l of o.lines) sales.set(l.sku, (sales.get(l.sku) ?? 0) + l.amount);
    const want = [...sales].sort((a, b) => b[1] - a[1]).slice(0, 3);
    expect(m.rows!.map((r) => [r.key, r.value])).toEqual(want);
  });
});
