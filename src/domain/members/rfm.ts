import type { MemberRules } from '../playbook/members.ts';
import type { DocStore } from '../ports.ts';
import { NO_DAY, type MemberStats } from './member-stats.ts';

// RFM scores 1–5 and the segments community managers act on.
//
//   const rfm = scoreRfm(stats, rules.rfm);
//   rfm.r[c], rfm.f[c], rfm.m[c]   // 1..5, 0 for customers who never paid
//   SEGMENTS[rfm.segment[c]]       // 'high_value_active', …
//
// R uses configured day breakpoints (≤30 days → 5 … >180 → 1). F and M use, by default,
// quintiles of the buyers in the RFM window: the cut values are the values at the 20/40/60/80th
// percentile (sorted ascending, index ceil(k·n/5)−1) and a score is 1 + the number of cuts the
// value is strictly above, so ties always share a score. Configured breakpoints instead give
// 1 + the number of minimums the value reaches. Customers who never paid score 0.

export const SEGMENTS = ['high_value_active', 'high_value_dormant', 'low_value_active', 'new', 'sleeping', 'regular', 'no_purchase'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const isSegment = (v: string): v is Segment => (SEGMENTS as readonly string[]).includes(v);

/** Name and the play for each segment. */
export const SEGMENT_INFO: Record<Segment, { zh: string; en: string; playZh: string; playEn: string }> = {
  high_value_active: { zh: '高价值活跃', en: 'high value & active', playZh: '专属权益、新品试用', playEn: 'exclusive benefits, new-product trials' },
  high_value_dormant: { zh: '高价值沉睡', en: 'high value & dormant', playZh: '唤醒券', playEn: 'wake-up offer' },
  low_value_active: { zh: '低价值活跃', en: 'low value & active', playZh: '组合/加购推荐', playEn: 'bundle upsell' },
  new: { zh: '新客', en: 'new', playZh: '新客第二单礼', playEn: 'second-order welcome offer' },
  sleeping: { zh: '沉睡', en: 'sleeping', playZh: '90天未购，发唤醒券', playEn: 'no purchase in 90 days: wake-up coupon' },
  regular: { zh: '一般', en: 'regular', playZh: '常规触达', playEn: 'regular newsletter' },
  no_purchase: { zh: '未购买', en: 'no purchase', playZh: '首单引导', playEn: 'first-order nudge' },
};

export type RfmRules = MemberRules['rfm'];

export interface RfmResult {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into SEGMENTS. */
  segment: Uint8Array;
  /** Cut values used for F and M (four each). */
  cuts: { f: number[]; m: number[] };
}

/** Quintile cuts of the values > 0 (buyers in the window). */
export function quintileCuts(values: ArrayLike<number>): number[] {
  const n = values.length;
  const active = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (values[i] > 0) active[k++] = values[i];
  const sorted = active.subarray(0, k).sort();
  if (k === 0) return [0, 0, 0, 0];
  return [1, 2, 3, 4].map((q) => sorted[Math.ceil((q * k) / 5) - 1]);
}

function scorer(mode: 'quintile' | number[], values: ArrayLike<number>): { cuts: number[]; score: (v: number) => number } {
  if (mode === 'quintile') {
    const cuts = quintileCuts(values);
    return { cuts, score: (v) => 1 + (v > cuts[0] ? 1 : 0) + (v > cuts[1] ? 1 : 0) + (v > cuts[2] ? 1 : 0) + (v > cuts[3] ? 1 : 0) };
  }
  const b = mode;
  return { cuts: b, score: (v) => 1 + (v >= b[0] ? 1 : 0) + (v >= b[1] ? 1 : 0) + (v >= b[2] ? 1 : 0) + (v >= b[3] ? 1 : 0) };
}

export function recencyScore(daysSince: number, b: number[]): number {
  return daysSince <= b[0] ? 5 : daysSince <= b[1] ? 4 : daysSince <= b[2] ? 3 : daysSince <= b[3] ? 2 : 1;
}

/**
 * Segment by rule, first match wins: never paid → no_purchase; first purchase within newDays → new;
 * M ≥ highValueScore → high value & active (bought within sleepingDays) or dormant; no purchase within
 * sleepingDays → sleeping; M ≤ lowValueScore → low value & active; else regular.
 */
export function segmentOf(daysSinceLast: number, daysSinceFirst: number, m: number, rules: RfmRules): Segment {
  if (m === 0) return 'no_purchase';
  if (daysSinceFirst < rules.newDays) return 'new';
  const active = daysSinceLast < rules.sleepingDays;
  if (m >= rules.highValueScore) return active ? 'high_value_active' : 'high_value_dormant';
  if (!active) return 'sleeping';
  return m <= rules.lowValueScore ? 'low_value_active' : 'regular';
}

export function scoreRfm(stats: MemberStats, rules: RfmRules): RfmResult {
  const n = stats.customers;
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  const segment = new Uint8Array(n);
  const fs = scorer(rules.frequency, stats.rfmOrders);
  const ms = scorer(rules.monetary, stats.rfmSpend);
  const codes = Object.fromEntries(SEGMENTS.map((s, i) => [s, i])) as Record<Segment, number>;
  const noPurchase = codes.no_purchase;
  const today = stats.today;
  for (let c = 0; c < n; c++) {
    const last = stats.lastPaid[c];
    if (last === NO_DAY) {
      segment[c] = noPurchase;
      continue;
    }
    r[c] = recencyScore(today - last, rules.recencyDays);
    // Buyers outside the window have no orders or spend in it: they score 1.
    f[c] = stats.rfmOrders[c] > 0 ? fs.score(stats.rfmOrders[c]) : 1;
    m[c] = stats.rfmSpend[c] > 0 ? ms.score(stats.rfmSpend[c]) : 1;
    segment[c] = codes[segmentOf(today - last, today - stats.firstPaid[c], m[c], rules)];
  }
  return { r, f, m, segment, cuts: { f: fs.cuts, m: ms.cuts } };
}

export interface SegmentSize {
  customers: number;
  /** Paid spend net of refunds in the RFM window, minor units. */
  revenue: number;
}

export function segmentSizes(rfm: RfmResult, stats: MemberStats): Record<Segment, SegmentSize> {
  const customers = new Float64Array(SEGMENTS.length);
  const revenue = new Float64Array(SEGMENTS.length);
  for (let c = 0; c < stats.customers; c++) {
    customers[rfm.segment[c]]++;
    revenue[rfm.segment[c]] += stats.rfmSpend[c];
  }
  return Object.fromEntries(SEGMENTS.map((s, i) => [s, { customers: customers[i], revenue: revenue[i] }])) as Record<Segment, SegmentSize>;
}

export interface SegmentRun {
  at: string;
  day: string;
  sizes: Record<Segment, SegmentSize>;
}

/** Segment sizes per `segments` run, so the next run shows the change (last 30 kept). */
export class SegmentHistory {
  private constructor(private readonly doc: { data: { runs: SegmentRun[] }; write(): Promise<void> }) {}

  static async open(docs: DocStore): Promise<SegmentHistory> {
    return new SegmentHistory(await docs.open('members/segments', { runs: [] as SegmentRun[] }));
  }

  last(): SegmentRun | undefined {
    return this.doc.data.runs.at(-1);
  }

  async record(run: SegmentRun): Promise<SegmentRun | undefined> {
    const previous = this.last();
    this.doc.data.runs = [...this.doc.data.runs, run].slice(-30);
    await this.doc.write();
    return previous;
  }
}
