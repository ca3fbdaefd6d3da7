import { describe, expect, it } from 'vitest';
import { seeded } from '../../../src/adapters/demo/random.ts';
import { explainChange, type Explanation } from '../../../src/domain/insights/drivers.ts';
import { EXPLAINABLE } from '../../../src/domain/insights/metric-forms.ts';
import { ratioContributions, roundToTotal, shapleyProduct } from '../../../src/domain/insights/shapley.ts';
import type { Period } from '../../../src/domain/periods.ts';
import { calendar, newData, order } from '../orders/helpers.ts';

const CHANNELS = ['tmall', 'jd', 'douyin', 'xiaohongshu'];
const day0 = calendar.dayOf(Date.parse('2026-11-01T00:00:00+08:00'));

/** A random store over 14 days: orders in four channels, visitors and spend per channel and day. */
function store(seed: number) {
  const rand = seeded(seed);
  const data = newData();
  const orders: { channel: string; customer: string; day: number; amount: number; refunded: number; sku: string }[] = [];
  for (let i = 0; i < 1200; i++) {
    const day = Math.floor(rand() * 14);
    const channel = CHANNELS[Math.floor(rand() * CHANNELS.length)];
    const customer = `c${Math.floor(rand() * 300)}`;
    const amount = 1000 + Math.floor(rand() * 50000);
    const refunded = rand() < 0.1 ? Math.floor(amount * rand()) : 0;
    const sku = `SK-${Math.floor(rand() * 12)}`;
    const paid = new Date(Date.parse('2026-11-01T00:00:00+08:00') + day * 86_400_000 + Math.floor(rand() * 86_000_000)).toISOString();
    data.book.upsert(order(String(i), { channel, customer, paid, amount, refunded, lines: [{ sku, qty: 1 + Math.floor(rand() * 3), amount }] }), 1);
    orders.push({ channel, customer, day, amount, refunded, sku });
  }
  for (let d = 0; d < 14; d++)
    for (const ch of CHANNELS) {
      data.traffic.set(day0 + d, ch, 500 + Math.floor(rand() * 2000));
      data.spend.set(day0 + d, ch, 100_000 + Math.floor(rand() * 900_000));
    }
  data.refresh();
  return { data, orders };
}

const week = (k: number): Period => ({ kind: 'range', from: day0 + 7 * k, to: day0 + 7 * k + 6 });
const total = (ds: { change: number }[]) => ds.reduce((a, d) => a + d.change, 0);

describe('why a number moved', () => {
  it('splits a product exactly, crediting an unmoved factor with nothing', () => {
    const parts = shapleyProduct([100, 0.05, 1.2, 150], [120, 0.04, 1.2, 160]);
    expect(parts[2]).toBeCloseTo(0, 9);
    expect(parts.reduce((a, b) => a + b)).toBeCloseTo(120 * 0.04 * 1.2 * 160 - 100 * 0.05 * 1.2 * 150, 9);
    expect(shapleyProduct([0, 5], [10, 5])).toEqual([50, 0]);
  });

  it('rounds parts to whole units that add up to the total', () => {
    const r = roundToTotal([1.4, 1.4, 1.2], 4);
    expect(r.reduce((a, b) => a + b)).toBe(4);
    expect(roundToTotal([-2.5, 0.7, -3.2], -5).reduce((a, b) => a + b)).toBe(-5);
  });

  it('splits a ratio change by part so the parts add up to it', () => {
    const c = ratioContributions([10, 30], [100, 200], [20, 30], [100, 300]);
    expect(c.reduce((a, b) => a + b)).toBeCloseTo(50 / 400 - 40 / 300, 12);
  });

  it('channels add up to the GMV change to the cent, against a plain sum of the orders', () => {
    const { data, orders } = store(3);
    const e = explainChange(data, 'gmv', week(1), week(0)) as Explanation;
    const inWeek = (k: number, ch?: string) => orders.filter((o) => o.day >= 7 * k && o.day < 7 * k + 7 && (!ch || o.channel === ch)).reduce((a, o) => a + o.amount, 0);
    expect(e.change).toBe(inWeek(1) - inWeek(0));
    expect(total(e.channels)).toBe(e.change);
    for (const d of e.channels) expect(d.change).toBe(inWeek(1, d.name) - inWeek(0, d.name));
    expect(total(e.factors)).toBe(e.change);
    expect(e.factors.map((f) => f.name).sort()).toEqual(['aov', 'conversion', 'orders_per_buyer', 'visitors']);
    expect(total(e.buyers)).toBe(e.change);
    expect(e.buyers.map((b) => b.name).sort()).toEqual(['new', 'returning']);
  });

  it('every explainable metric: factor, channel and buyer parts add up to the change, in many random stores', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { data } = store(seed);
      for (const metric of EXPLAINABLE) {
        const e = explainChange(data, metric, week(1), week(0));
        if (typeof e === 'string') throw new Error(`${metric}: ${e}`);
        const whole = metric === 'aov' || metric === 'gmv' || metric === 'net_gmv' || metric === 'orders' || metric === 'buyers' || metric === 'uv' || metric === 'spend';
        for (const parts of [e.channels, e.buyers, ...(e.factors.length ? [e.factors] : [])]) {
          if (whole) expect({ metric, sum: total(parts) }).toEqual({ metric, sum: e.change });
          else expect(total(parts)).toBeCloseTo(e.change, 12);
        }
      }
    }
  });

  it('within one channel: no channel drivers, buyers and factors still add up', () => {
    const { data } = store(9);
    const e = explainChange(data, 'gmv', week(1), week(0), 'jd') as Explanation;
    expect(e.channels).toEqual([]);
    expect(total(e.buyers)).toBe(e.change);
    expect(total(e.factors)).toBe(e.change);
  });

  it('names the SKU that moved most first', () => {
    const { data } = store(4);
    // Plant a big sale of one SKU in the second week.
    data.book.upsert(order('big', { channel: 'jd', customer: 'whale', paid: '2026-11-10T10:00:00+08:00', amount: 5_000_000, lines: [{ sku: 'SK-WHALE', qty: 50, amount: 5_000_000 }] }), 2);
    data.refresh();
    const e = explainChange(data, 'gmv', week(1), week(0)) as Explanation;
    expect(e.skus[0]).toEqual({ kind: 'sku', name: 'SK-WHALE', change: 5_000_000 });
    expect(e.channels[0].name).toBe('jd');
  });

  it('refuses what it cannot split and periods without data', () => {
    const { data } = store(2);
    expect(explainChange(data, 'top_skus', week(1), week(0))).toBe('not_explainable');
    expect(explainChange(data, 'aov', week(5), week(4))).toBe('no_data');
  });
});
