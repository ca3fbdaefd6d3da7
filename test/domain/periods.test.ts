import { describe, expect, it } from 'vitest';
import { Calendar, formatDay, parseDay } from '../../src/domain/calendar.ts';
import { periodDays, previousPeriod, resolvePeriod, type PeriodSpec } from '../../src/domain/periods.ts';

// Periods in store days (Asia/Shanghai); the previous period is cut at the same time of day.

const cal = new Calendar('Asia/Shanghai');
const at = (iso: string) => Date.parse(iso);
const show = (spec: PeriodSpec, now: string) => {
  const p = resolvePeriod(spec, at(now), cal);
  const prev = previousPeriod(p);
  return { from: formatDay(p.from), to: formatDay(p.to), cut: p.cutoffMs, prevFrom: formatDay(prev.from), prevTo: formatDay(prev.to), prevCut: prev.cutoffMs };
};
const TEN = 10 * 3_600_000;

describe('resolvePeriod and previousPeriod', () => {
  it('today is the store day of now, cut at the time of day, compared with yesterday to the same time', () => {
    expect(show({ kind: 'today' }, '2026-11-27T10:00:00+08:00')).toEqual({ from: '2026-11-27', to: '2026-11-27', cut: TEN, prevFrom: '2026-11-26', prevTo: '2026-11-26', prevCut: TEN });
  });

  it('the store day turns at midnight Asia/Shanghai, not UTC', () => {
    expect(show({ kind: 'today' }, '2026-11-26T16:00:00Z').from).toBe('2026-11-27');
    expect(show({ kind: 'today' }, '2026-11-26T15:59:59Z').from).toBe('2026-11-26');
    expect(show({ kind: 'today' }, '2026-11-27T00:00:00+08:00').cut).toBe(0);
    expect(show({ kind: 'today' }, '2026-11-27T23:59:59+08:00').cut).toBe(86_399_000);
  });

  it('yesterday, last week and last month are whole periods with no cut', () => {
    expect(show({ kind: 'yesterday' }, '2026-11-27T10:00:00+08:00')).toEqual({ from: '2026-11-26', to: '2026-11-26', cut: undefined, prevFrom: '2026-11-25', prevTo: '2026-11-25', prevCut: undefined });
    // 2026-11-27 is a Friday: last week is Mon 16 – Sun 22, the one before 9 – 15.
    expect(show({ kind: 'last_week' }, '2026-11-27T10:00:00+08:00')).toMatchObject({ from: '2026-11-16', to: '2026-11-22', prevFrom: '2026-11-09', prevTo: '2026-11-15', cut: undefined });
    expect(show({ kind: 'last_month' }, '2026-11-27T10:00:00+08:00')).toMatchObject({ from: '2026-10-01', to: '2026-10-31', prevFrom: '2026-09-01', prevTo: '2026-09-30', cut: undefined });
    expect(show({ kind: 'last_month' }, '2026-03-05T10:00:00+08:00')).toMatchObject({ from: '2026-02-01', to: '2026-02-28', prevFrom: '2026-01-01', prevTo: '2026-01-31' });
  });

  it('this week runs Monday to now, compared with last Monday to the same weekday and time', () => {
    expect(show({ kind: 'this_week' }, '2026-11-27T10:00:00+08:00')).toEqual({ from: '2026-11-23', to: '2026-11-27', cut: TEN, prevFrom: '2026-11-16', prevTo: '2026-11-20', prevCut: TEN });
    // On a Monday both are a single day.
    expect(show({ kind: 'this_week' }, '2026-11-23T10:00:00+08:00')).toMatchObject({ from: '2026-11-23', to: '2026-11-23', prevFrom: '2026-11-16', prevTo: '2026-11-16' });
  });

  it('this month compares with the same day of last month, clamped at month ends', () => {
    expect(show({ kind: 'this_month' }, '2026-11-27T10:00:00+08:00')).toMatchObject({ from: '2026-11-01', to: '2026-11-27', prevFrom: '2026-10-01', prevTo: '2026-10-27', prevCut: TEN });
    expect(show({ kind: 'this_month' }, '2026-03-31T10:00:00+08:00')).toMatchObject({ from: '2026-03-01', to: '2026-03-31', prevFrom: '2026-02-01', prevTo: '2026-02-28' });
    expect(show({ kind: 'this_month' }, '2028-03-30T10:00:00+08:00')).toMatchObject({ prevFrom: '2028-02-01', prevTo: '2028-02-29' });
    expect(show({ kind: 'this_month' }, '2026-12-31T23:00:00+08:00')).toMatchObject({ prevFrom: '2026-11-01', prevTo: '2026-11-30' });
  });

  it('last N days ends today at now; the previous N days end N days earlier at the same time', () => {
    const r = show({ kind: 'last_days', n: 90 }, '2026-11-27T10:00:00+08:00');
    expect(r).toEqual({ from: '2026-08-30', to: '2026-11-27', cut: TEN, prevFrom: '2026-06-01', prevTo: '2026-08-29', prevCut: TEN });
    expect(periodDays(resolvePeriod({ kind: 'last_days', n: 90 }, at('2026-11-27T10:00:00+08:00'), cal))).toBe(90);
  });

  it('an explicit range in the past is whole; one reaching today stops at now', () => {
    const past = show({ kind: 'range', from: parseDay('2026-10-01'), to: parseDay('2026-10-31') }, '2026-11-27T10:00:00+08:00');
    expect(past).toEqual({ from: '2026-10-01', to: '2026-10-31', cut: undefined, prevFrom: '2026-08-31', prevTo: '2026-09-30', prevCut: undefined });
    const open = show({ kind: 'range', from: parseDay('2026-11-20'), to: parseDay('2026-12-31') }, '2026-11-27T10:00:00+08:00');
    expect(open).toEqual({ from: '2026-11-20', to: '2026-11-27', cut: TEN, prevFrom: '2026-11-12', prevTo: '2026-11-19', prevCut: TEN });
  });
});
