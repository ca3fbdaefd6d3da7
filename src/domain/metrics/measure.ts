import { previousPeriod, type Period } from '../periods.ts';
import type { StoreData } from '../store-data.ts';
import { UNIT, type Breakdown, type Metric, type Unit } from './metric.ts';
import { channelTotals, type ChannelTotals } from './scan.ts';

export interface Row {
  key: string;
  value: number | null;
  previous: number | null;
  /** Units sold, for SKU rows. */
  qty?: number;
}

export interface Measurement {
  metric: Metric;
  unit: Unit;
  period: Period;
  previousPeriod: Period;
  value: number | null;
  previous: number | null;
  by?: Breakdown;
  rows?: Row[];
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export interface MeasureOptions {
  /** Only this channel's orders, traffic and spend. */
  channel?: string;
  /** What to compare with; the previous equal period when absent. */
  compareWith?: Period;
  limit?: number;
}

/** Computes one metric for a period and its comparison period (the previous equal period unless given). */
export function measure(s: StoreData, metric: Metric, period: Period, by?: Breakdown, limitOrOptions: number | MeasureOptions = {}): Measurement {
  const o = typeof limitOrOptions === 'number' ? { limit: limitOrOptions } : limitOrOptions;
  const prev = o.compareWith ?? previousPeriod(period);
  if (metric === 'top_skus' || by === 'sku') return topSkus(s, period, prev, o.limit ?? 10, o.channel);
  // Channel sums per period, computed once and shared by the total and every channel row.
  const sums = new Map<Period, ChannelTotals>();
  const total = (metric: Metric, p: Period, channel?: string) => totalOf(s, sums, metric, p, channel);
  const value = total(metric, period, o.channel);
  const wholePrev = wholeDays(metric, prev);
  const previous = total(metric, wholePrev, o.channel);
  const m: Measurement = { metric, unit: UNIT[metric], period, previousPeriod: prev, value, previous };
  if (by === 'channel') {
    m.by = 'channel';
    // A channel with nothing in either period is left out: it only clutters the table.
    const nothing = (v: number | null) => v === null || v === 0;
    m.rows = s
      .channelNames()
      .map((ch) => ({ key: ch, value: total(metric, period, ch), previous: total(metric, wholePrev, ch) }))
      .filter((r) => !(nothing(r.value) && nothing(r.previous)))
      .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  }
  return m;
}

/** Traffic and spend are daily figures: ratios over them compare whole previous days. */
export const wholeDays = (metric: Metric, p: Period): Period => (metric === 'conversion' || metric === 'roi' || metric === 'uv' || metric === 'spend' ? { ...p, cutoffMs: undefined } : p);

/** One metric over each of the given periods (a trend's points), for the whole store or one channel. */
export function series(s: StoreData, metric: Metric, periods: Period[], channel?: string): (number | null)[] {
  const sums = new Map<Period, ChannelTotals>();
  return periods.map((p) => totalOf(s, sums, metric, p, channel));
}

/** Metrics whose points add up to the period's total. */
export const ADDITIVE: ReadonlySet<Metric> = new Set<Metric>(['gmv', 'net_gmv', 'orders', 'refunds', 'uv', 'spend']);

function totalOf(s: StoreData, cache: Map<Period, ChannelTotals>, metric: Metric, p: Period, channel?: string): number | null {
  const ch = channel === undefined ? undefined : s.book.channels.find(channel);
  const sums = () => {
    if (channel !== undefined && ch === undefined) return { gmv: 0, refund: 0, orders: 0 };
    let t = cache.get(p);
    if (!t) cache.set(p, (t = channelTotals(s.book, s.rollups, p)));
    if (ch !== undefined) return { gmv: t.gmv[ch] ?? 0, refund: t.refund[ch] ?? 0, orders: t.orders[ch] ?? 0 };
    let gmv = 0, refund = 0, orders = 0;
    for (let c = 0; c < t.gmv.length; c++) { gmv += t.gmv[c]; refund += t.refund[c]; orders += t.orders[c]; }
    return { gmv, refund, orders };
  };
  const buyers = () => (channel !== undefined && ch === undefined ? { buyers: 0, repeat: 0, fresh: 0 } : s.buyerCounter.count_(s.book, s.rollups, p, ch));
  switch (metric) {
    case 'gmv':
      return sums().gmv;
    case 'net_gmv': {
      const t = sums();
      return t.gmv - t.refund;
    }
    case 'orders':
      return sums().orders;
    case 'aov': {
      const t = sums();
      return t.orders > 0 ? Math.round(t.gmv / t.orders) : null;
    }
    case 'refunds':
      return sums().refund;
    case 'refund_rate': {
      const t = sums();
      return ratio(t.refund, t.gmv);
    }
    case 'buyers':
      return buyers().buyers;
    case 'repurchase': {
      const b = buyers();
      return ratio(b.repeat, b.buyers);
    }
    case 'new_share': {
      const b = buyers();
      return ratio(b.fresh, b.buyers);
    }
    case 'conversion': {
      if (!s.traffic.has(p.from, p.to, channel)) return null;
      return ratio(buyers().buyers, s.traffic.sum(p.from, p.to, channel));
    }
    case 'uv':
      return s.traffic.has(p.from, p.to, channel) ? s.traffic.sum(p.from, p.to, channel) : null;
    case 'spend':
      return s.spend.has(p.from, p.to, channel) ? s.spend.sum(p.from, p.to, channel) : null;
    case 'roi': {
      if (!s.spend.has(p.from, p.to, channel)) return null;
      return ratio(sums().gmv, s.spend.sum(p.from, p.to, channel));
    }
    case 'top_skus':
      return sums().gmv;
  }
}

function skuSales(s: StoreData, p: Period, channel?: string): { amount: Float64Array; qty: Float64Array } {
  const n = s.book.skus.size;
  const amount = new Float64Array(n);
  const qty = new Float64Array(n);
  const { lineStart, lineCount, lineSku, lineQty, lineAmount } = s.book;
  const only = channel === undefined ? undefined : (s.book.channels.find(channel) ?? -1);
  const ch = s.book.channel.data;
  s.forEachOrder(p, (row) => {
    if (only !== undefined && ch[row] !== only) return;
    const start = lineStart.data[row];
    for (let i = start, end = start + lineCount.data[row]; i < end; i++) {
      amount[lineSku.data[i]] += lineAmount.data[i];
      qty[lineSku.data[i]] += lineQty.data[i];
    }
  });
  return { amount, qty };
}

function topSkus(s: StoreData, p: Period, prev: Period, limit: number, channel?: string): Measurement {
  const cur = skuSales(s, p, channel);
  const old = skuSales(s, prev, channel);
  const order = [...cur.amount.keys()].filter((i) => cur.amount[i] > 0).sort((a, b) => cur.amount[b] - cur.amount[a]).slice(0, limit);
  const rows = order.map((i) => ({ key: s.book.skus.names[i], value: cur.amount[i], previous: old.amount[i] || null, qty: cur.qty[i] }));
  const value = rows.reduce((a, r) => a + (r.value ?? 0), 0);
  return { metric: 'top_skus', unit: 'money', period: p, previousPeriod: prev, value, previous: null, by: 'sku', rows };
}
