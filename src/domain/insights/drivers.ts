import type { Metric } from '../metrics/metric.ts';
import type { Period } from '../periods.ts';
import type { StoreData } from '../store-data.ts';
import { FORMS, valueOf, type Form } from './metric-forms.ts';
import { ZERO, sliceTotals, type Totals } from './period-totals.ts';
import { ratioContributions, roundToTotal, shapleyProduct } from './shapley.ts';

// Why a number moved: its change split into drivers that add up to it. Factors
// (visitors × conversion × orders per buyer × AOV for GMV) by an exact Shapley
// split; channels and new-versus-returning buyers as contributions that add up to
// the change (to the cent for money); the SKUs that moved most, as they are.

export type DriverKind = 'factor' | 'channel' | 'sku' | 'buyers';

export interface Driver {
  kind: DriverKind;
  /** A factor or buyer-group key (visitors, conversion, new, returning …), a channel id or a SKU. */
  name: string;
  /** In the metric's unit: minor units for money, a count, a fraction for ratios. */
  change: number;
}

export interface Explanation {
  metric: Metric;
  value: number;
  previous: number;
  change: number;
  factors: Driver[];
  channels: Driver[];
  buyers: Driver[];
  skus: Driver[];
}

export type WhyRefusal = 'not_explainable' | 'no_data';

/**
 * Explains the change of `metric` from `before` to `period`, store-wide or within one channel.
 * Periods are compared as given (the caller chooses the comparison, cut at the same time of day).
 */
export function explainChange(s: StoreData, metric: Metric, period: Period, before: Period, channel?: string): Explanation | WhyRefusal {
  const form = FORMS[metric];
  if (!form) return 'not_explainable';
  const now = sliceTotals(s, period, channel);
  const then = sliceTotals(s, before, channel);
  const value = valueOf(form, now.whole);
  const previous = valueOf(form, then.whole);
  if (value === null || previous === null) return 'no_data';
  const change = value - previous;
  const exact = form.kind === 'sum' || form.round; // whole units: parts are rounded to add up exactly
  const settle = (parts: number[]) => (exact ? roundToTotal(parts, change) : parts);

  const factorList = factorsOf(metric, form, now.whole, then.whole, period.cutoffMs === undefined && before.cutoffMs === undefined);
  const factorParts = settle(shapleyProduct(factorList.map((f) => f.before), factorList.map((f) => f.after)));
  const factors = factorList.length > 1 ? factorList.map((f, i) => ({ kind: 'factor' as const, name: f.name, change: factorParts[i] })) : [];

  const groups = (kind: 'channel' | 'buyers', a: Map<string, Totals>, b: Map<string, Totals>, whole0: Totals, whole1: Totals): Driver[] => {
    const names = [...new Set([...a.keys(), ...b.keys()])];
    const t0 = names.map((n) => b.get(n) ?? ZERO);
    const t1 = names.map((n) => a.get(n) ?? ZERO);
    const parts = contributions(form, t0, t1, whole0, whole1);
    const rest = parts.length > names.length ? [kind === 'channel' ? 'several_channels' : form.kind === 'ratio' ? form.denName : 'other'] : [];
    const settled = settle(parts);
    return [...names, ...rest].map((name, i) => ({ kind, name, change: settled[i] })).filter((d) => d.change !== 0);
  };
  const channels = channel === undefined ? groups('channel', now.channels, then.channels, then.whole, now.whole) : [];
  const buyers = groups('buyers', new Map(Object.entries(now.buyers)), new Map(Object.entries(then.buyers)), then.whole, now.whole);

  const skuOf = metric === 'orders' ? (e?: { qty: number }) => e?.qty ?? 0 : (e?: { amount: number }) => e?.amount ?? 0;
  const skus = [...new Set([...now.skus.keys(), ...then.skus.keys()])]
    .map((name) => ({ kind: 'sku' as const, name, change: skuOf(now.skus.get(name)) - skuOf(then.skus.get(name)) }))
    .filter((d) => d.change !== 0)
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.name.localeCompare(y.name))
    .slice(0, 5);
  const biggestFirst = (d: Driver[]) => d.sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.name.localeCompare(y.name));
  return { metric, value, previous, change, factors: biggestFirst(factors), channels: biggestFirst(channels), buyers: biggestFirst(buyers), skus };
}

interface Factor {
  name: string;
  before: number;
  after: number;
}

/** The product the metric is, factor by factor; one factor means nothing to split. */
function factorsOf(metric: Metric, form: Form, now: Totals, then: Totals, wholeDays: boolean): Factor[] {
  const per = (a: number, b: number) => (b > 0 ? a / b : 0);
  const f = (name: string, of: (t: Totals) => number): Factor => ({ name, before: of(then), after: of(now) });
  // Visitors are daily figures: they join the chain only for whole days with traffic in both periods.
  const traffic = wholeDays && now.uv > 0 && then.uv > 0;
  const head = traffic ? [f('visitors', (t) => t.uv), f('conversion', (t) => per(t.buyers, t.uv))] : [f('buyers', (t) => t.buyers)];
  switch (metric) {
    case 'gmv':
      return [...head, f('orders_per_buyer', (t) => per(t.orders, t.buyers)), f('aov', (t) => per(t.gmv, t.orders))];
    case 'orders':
      return [...head, f('orders_per_buyer', (t) => per(t.orders, t.buyers))];
    case 'net_gmv':
      return []; // a difference, not a product: its channels and buyers say it
    default:
      if (form.kind === 'ratio') return [f(form.numName, form.num), f(form.denName, (t) => per(1, form.den(t)))];
      return [];
  }
}

/**
 * Each group's contribution to the change. Sums: the group's own change. Ratios: the
 * mix-and-rate split. When the groups do not add up to the whole (a buyer who bought in
 * two channels, visitors that belong to no buyer group) the difference is one more part.
 */
function contributions(form: Form, t0: Totals[], t1: Totals[], whole0: Totals, whole1: Totals): number[] {
  if (form.kind === 'sum') {
    const parts = t1.map((t, i) => form.of(t) - form.of(t0[i]));
    const rest = form.of(whole1) - form.of(whole0) - parts.reduce((a, b) => a + b, 0);
    return rest !== 0 ? [...parts, rest] : parts;
  }
  const n0 = t0.map(form.num), d0 = t0.map(form.den), n1 = t1.map(form.num), d1 = t1.map(form.den);
  const restN0 = form.num(whole0) - n0.reduce((a, b) => a + b, 0);
  const restD0 = form.den(whole0) - d0.reduce((a, b) => a + b, 0);
  const restN1 = form.num(whole1) - n1.reduce((a, b) => a + b, 0);
  const restD1 = form.den(whole1) - d1.reduce((a, b) => a + b, 0);
  const hasRest = restN0 !== 0 || restD0 !== 0 || restN1 !== 0 || restD1 !== 0;
  const parts = hasRest ? ratioContributions([...n0, restN0], [...d0, restD0], [...n1, restN1], [...d1, restD1]) : ratioContributions(n0, d0, n1, d1);
  if (!form.round) return parts;
  // A rounded ratio (AOV): its change is between rounded values; split that, not the raw one.
  const raw = parts.reduce((a, b) => a + b, 0);
  const shown = (valueOf(form, whole1) ?? 0) - (valueOf(form, whole0) ?? 0);
  return raw === 0 ? parts : parts.map((p) => (p * shown) / raw);
}
