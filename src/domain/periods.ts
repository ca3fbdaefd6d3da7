import { addMonths, civil, dayFromCivil, firstOfMonth, weekday, type Calendar, type Day } from './calendar.ts';

// Reporting periods in store days. A period that ends now ("today", "this week",
// "this month", "last N days") carries a cutoff: how far into its last day it
// reaches. Its previous period is cut at the same time of day, so 10:00 today is
// compared with 10:00 yesterday, not with the whole of yesterday.

export type PeriodKind = 'today' | 'yesterday' | 'this_week' | 'last_week' | 'this_month' | 'last_month' | 'last_days' | 'month' | 'range';

export interface PeriodSpec {
  kind: PeriodKind;
  n?: number;
  from?: Day;
  to?: Day;
}

export interface Period extends PeriodSpec {
  from: Day;
  to: Day;
  /** Milliseconds into `to` that the period reaches; absent when `to` is a whole day. */
  cutoffMs?: number;
}

export function resolvePeriod(spec: PeriodSpec, nowMs: number, cal: Calendar): Period {
  const today = cal.dayOf(nowMs);
  const cut = cal.msIntoDay(nowMs);
  switch (spec.kind) {
    case 'today':
      return { kind: 'today', from: today, to: today, cutoffMs: cut };
    case 'yesterday':
      return { kind: 'yesterday', from: today - 1, to: today - 1 };
    case 'this_week':
      return { kind: 'this_week', from: today - weekday(today), to: today, cutoffMs: cut };
    case 'last_week': {
      const monday = today - weekday(today) - 7;
      return { kind: 'last_week', from: monday, to: monday + 6 };
    }
    case 'this_month':
      return { kind: 'this_month', from: firstOfMonth(today), to: today, cutoffMs: cut };
    case 'last_month': {
      const first = addMonths(firstOfMonth(today), -1);
      return { kind: 'last_month', from: first, to: firstOfMonth(today) - 1 };
    }
    case 'last_days': {
      const n = spec.n ?? 7;
      return { kind: 'last_days', n, from: today - n + 1, to: today, cutoffMs: cut };
    }
    case 'month':
    case 'range': {
      const from = spec.from ?? today;
      const to = spec.to ?? from;
      // A range that reaches today stops at now.
      return to >= today ? { kind: spec.kind, from, to: today, cutoffMs: cut } : { kind: spec.kind, from, to };
    }
  }
}

/** The previous equal period, cut at the same time of day. */
export function previousPeriod(p: Period): Period {
  const len = p.to - p.from + 1;
  switch (p.kind) {
    case 'this_month': {
      const from = addMonths(p.from, -1);
      const { y, m } = civil(from);
      const lastOfPrev = firstOfMonth(p.from) - 1;
      const to = Math.min(dayFromCivil(y, m, civil(p.to).d), lastOfPrev);
      return { ...p, from, to };
    }
    case 'last_month': {
      const from = addMonths(p.from, -1);
      return { ...p, from, to: p.from - 1 };
    }
    case 'this_week':
      // Monday to now is compared with last Monday to the same weekday and time.
      return { ...p, from: p.from - 7, to: p.to - 7 };
    case 'month':
      // A named month (October) compares with the month before, cut at the same day and time when it runs to now.
      return { ...p, from: addMonths(p.from, -1), to: p.cutoffMs === undefined ? p.from - 1 : Math.min(addMonths(p.to, -1), p.from - 1) };
    default:
      return { ...p, from: p.from - len, to: p.to - len };
  }
}

/** What a period is compared with: the previous equal period (环比), the same dates a year before (同比), a week before, or one given. */
export type CompareKind = 'previous' | 'last_year' | 'last_week_same_day' | 'custom';

export function comparisonPeriod(p: Period, kind: Exclude<CompareKind, 'custom'>): Period {
  switch (kind) {
    case 'previous':
      return previousPeriod(p);
    case 'last_year': {
      // Same calendar dates a year earlier (29 Feb falls back to 28 Feb), cut at the same time of day.
      const to = addMonths(p.to, -12);
      const from = Math.min(addMonths(p.from, -12), to);
      return { ...p, kind: 'range', from, to };
    }
    case 'last_week_same_day':
      return { ...p, kind: 'range', from: p.from - 7, to: p.to - 7 };
  }
}

/** Points of a trend: by day, by (Monday) week or by calendar month, clipped to the period. */
export type Grain = 'day' | 'week' | 'month';

export function buckets(p: Period, grain: Grain): Period[] {
  const out: Period[] = [];
  for (let from = p.from; from <= p.to; ) {
    const end = grain === 'day' ? from : grain === 'week' ? from - weekday(from) + 6 : addMonths(firstOfMonth(from), 1) - 1;
    const to = Math.min(end, p.to);
    const last = to === p.to;
    out.push({ kind: 'range', from, to, ...(last && p.cutoffMs !== undefined ? { cutoffMs: p.cutoffMs } : {}) });
    from = to + 1;
  }
  return out;
}

export function periodDays(p: Period): number {
  return p.to - p.from + 1;
}
