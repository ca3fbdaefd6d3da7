import { civil, dayFromCivil, daysInMonth, type Calendar, type Day } from '../calendar.ts';
import { measure } from '../metrics/measure.ts';
import type { StoreData } from '../store-data.ts';
import { MONTH } from './budget.ts';

// What the month has spent and earned so far, per channel, from the imported spend
// series and the orders. Spend is daily, so a month is read up to today's figures.

export interface MonthFigures {
  month: string;
  /** Share of the month's time gone by, 0–1. */
  elapsed: number;
  spend: Record<string, number>;
  gmv: Record<string, number>;
  /** GMV / spend; null where nothing was spent. */
  roi: Record<string, number | null>;
  totalSpend: number;
}

export function monthDays(month: string): { first: Day; last: Day } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const first = dayFromCivil(y, mo, 1);
  return { first, last: first + daysInMonth(y, mo) - 1 };
}

/** The store month (`YYYY-MM`) of an instant. */
export function monthOf(nowMs: number, cal: Calendar): string {
  const { y, m } = civil(cal.dayOf(nowMs));
  return `${y}-${String(m).padStart(2, '0')}`;
}

export function monthFigures(data: StoreData, month: string, nowMs: number): MonthFigures {
  const cal = data.calendar;
  const { first, last } = monthDays(month);
  const start = cal.startOf(first);
  const end = cal.startOf(last + 1);
  const elapsed = Math.min(1, Math.max(0, (nowMs - start) / (end - start)));
  const out: MonthFigures = { month, elapsed, spend: {}, gmv: {}, roi: {}, totalSpend: 0 };
  if (nowMs < start) return out;
  const today = cal.dayOf(nowMs);
  const to = Math.min(last, today);
  const period = to === today ? { kind: 'range' as const, from: first, to, cutoffMs: cal.msIntoDay(nowMs) } : { kind: 'range' as const, from: first, to };
  const gmvRows = measure(data, 'gmv', period, 'channel').rows ?? [];
  for (const r of gmvRows) if (r.value) out.gmv[r.key] = r.value;
  for (const channel of data.spend.channels()) {
    if (!data.spend.has(first, to, channel)) continue;
    const spent = data.spend.sum(first, to, channel);
    out.spend[channel] = spent;
    out.totalSpend += spent;
    out.roi[channel] = spent > 0 ? (out.gmv[channel] ?? 0) / spent : null;
  }
  return out;
}
