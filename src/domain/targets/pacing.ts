import { addMonths, civil, dayFromCivil, daysInMonth, type Calendar, type Day } from '../calendar.ts';
import { channelTotals } from '../metrics/scan.ts';
import type { Period } from '../periods.ts';
import type { StoreData } from '../store-data.ts';
import type { Target } from './target.ts';

// How a month's target is going: the actual to date against where the month should be
// by now — pro rata by day, or by last year's daily shape for the same month where the
// store has it (a Double 11 month is not evenly spread) — a month-end forecast at the
// same pace, and a traffic light.

export type Light = 'red' | 'yellow' | 'green';

export interface Pace {
  target: Target;
  actual: number;
  expected: number;
  /** Month-end at the pace so far; null before the month has started. */
  forecast: number | null;
  /** actual / expected (1 = on pace); null when nothing is expected yet. */
  completion: number | null;
  light: Light;
  /** How `expected` was spread over the month. */
  shape: 'days' | 'last_year';
}

export interface PaceLines {
  kpiRed: number;
  kpiYellow: number;
}

/** The month a target is for, as store days, and how far into it `nowMs` is. */
function monthSpan(month: string): { first: Day; last: Day } {
  const [y, m] = month.split('-').map(Number);
  const first = dayFromCivil(y, m, 1);
  return { first, last: first + daysInMonth(y, m) - 1 };
}

export function pace(s: StoreData, target: Target, nowMs: number, cal: Calendar, lines: PaceLines): Pace {
  const { first, last } = monthSpan(target.month);
  const today = cal.dayOf(nowMs);
  const upTo = Math.min(today, last);
  const cut = today <= last ? cal.msIntoDay(nowMs) : undefined;
  const period: Period = { kind: 'range', from: first, to: upTo, ...(cut !== undefined ? { cutoffMs: cut } : {}) };
  const actual = today < first ? 0 : actualOf(s, target, period);
  const lastYear = lastYearShape(s, target, first, last);
  const weights = lastYear ?? new Array<number>(last - first + 1).fill(1 / (last - first + 1));
  let share = 0;
  for (let d = first; d <= Math.min(today, last); d++) share += weights[d - first] * (d === today ? cal.msIntoDay(nowMs) / 86_400_000 : 1);
  const expected = target.target * share;
  const completion = expected > 0 ? actual / expected : null;
  const light: Light = completion === null ? 'green' : completion < lines.kpiRed ? 'red' : completion < lines.kpiYellow ? 'yellow' : 'green';
  return { target, actual, expected, forecast: share > 0 ? actual / share : null, completion, light, shape: lastYear ? 'last_year' : 'days' };
}

function actualOf(s: StoreData, t: Target, p: Period): number {
  const ch = t.channel === undefined ? undefined : s.book.channels.find(t.channel);
  if (t.channel !== undefined && ch === undefined) return 0;
  if (t.metric === 'gmv' || t.metric === 'orders') {
    const sums = channelTotals(s.book, s.rollups, p);
    const col = t.metric === 'gmv' ? sums.gmv : sums.orders;
    if (ch !== undefined) return col[ch] ?? 0;
    return col.reduce((a, b) => a + b, 0);
  }
  const b = s.buyerCounter.count_(s.book, s.rollups, p, ch);
  return t.metric === 'buyers' ? b.buyers : b.fresh;
}

/**
 * Each day's share of the same month last year (by GMV for money, orders otherwise), day of
 * month to day of month; undefined unless last year's month has orders on most of its days.
 */
function lastYearShape(s: StoreData, t: Target, first: Day, last: Day): number[] | undefined {
  const { y, m } = civil(first);
  const lyFirst = addMonths(first, -12);
  const lyLen = daysInMonth(y - 1, m);
  const r = s.rollups;
  const ch = t.channel === undefined ? undefined : s.book.channels.find(t.channel);
  const perDay = new Array<number>(last - first + 1).fill(0);
  let withData = 0;
  for (let i = 0; i < perDay.length; i++) {
    const d = lyFirst + Math.min(i, lyLen - 1) - r.minDay;
    if (d < 0 || d >= r.days) continue;
    let v = 0;
    for (let c = 0; c < r.channels; c++) if (ch === undefined || c === ch) v += t.metric === 'gmv' ? r.gmv[d * r.channels + c] : r.orders[d * r.channels + c];
    perDay[i] = v;
    if (v > 0) withData++;
  }
  const total = perDay.reduce((a, b) => a + b, 0);
  if (withData < perDay.length * 0.8 || total <= 0) return undefined;
  return perDay.map((v) => v / total);
}
