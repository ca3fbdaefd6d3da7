import type { Metric } from '../metrics/metric.ts';
import type { Totals } from './period-totals.ts';

// How each explainable metric is built from the additive totals: a sum (GMV, orders)
// or a ratio of two sums (AOV = GMV / orders). The form decides how a change is split.

export type Form =
  | { kind: 'sum'; of: (t: Totals) => number; whole: boolean }
  | { kind: 'ratio'; num: (t: Totals) => number; den: (t: Totals) => number; numName: string; denName: string; round: boolean };

export const FORMS: Partial<Record<Metric, Form>> = {
  gmv: { kind: 'sum', of: (t) => t.gmv, whole: true },
  net_gmv: { kind: 'sum', of: (t) => t.gmv - t.refund, whole: true },
  orders: { kind: 'sum', of: (t) => t.orders, whole: true },
  buyers: { kind: 'sum', of: (t) => t.buyers, whole: true },
  uv: { kind: 'sum', of: (t) => t.uv, whole: true },
  spend: { kind: 'sum', of: (t) => t.spend, whole: true },
  // AOV is shown rounded to the cent, as the metric answers show it.
  aov: { kind: 'ratio', num: (t) => t.gmv, den: (t) => t.orders, numName: 'gmv', denName: 'orders', round: true },
  conversion: { kind: 'ratio', num: (t) => t.buyers, den: (t) => t.uv, numName: 'buyers', denName: 'visitors', round: false },
  refund_rate: { kind: 'ratio', num: (t) => t.refund, den: (t) => t.gmv, numName: 'refunds', denName: 'gmv', round: false },
  roi: { kind: 'ratio', num: (t) => t.gmv, den: (t) => t.spend, numName: 'gmv', denName: 'spend', round: false },
};

export const EXPLAINABLE = Object.keys(FORMS) as Metric[];

/** The metric's value over the totals; null where its denominator is zero (no data). */
export function valueOf(form: Form, t: Totals): number | null {
  if (form.kind === 'sum') return form.of(t);
  const d = form.den(t);
  if (d <= 0) return null;
  const v = form.num(t) / d;
  return form.round ? Math.round(v) : v;
}
