import { describe, expect, it } from 'vitest';
import { dueSteps, nextSlot } from '../../../src/domain/campaigns/schedule.ts';
import { quietUntil } from '../../../src/domain/time-of-day.ts';
import { cal, campaign } from './campaign-world.ts';

const at = (iso: string) => Date.parse(iso);

describe('campaign schedule', () => {
  it('finds each missed daily run once after downtime, and none already done', () => {
    const c = campaign(1, { runFrom: '2026-11-24T11:00:00+08:00' });
    // Down from the 24th (after 10:00, so that day is not run) to the 27th at 09:00: the 25th and 26th are due.
    expect(dueSteps(c, at('2026-11-27T09:00:00+08:00'), cal).map((s) => s.step)).toEqual(['2026-11-25', '2026-11-26']);
    c.doneSteps.push('2026-11-25', '2026-11-26');
    expect(dueSteps(c, at('2026-11-27T09:59:00+08:00'), cal)).toEqual([]);
    const due = dueSteps(c, at('2026-11-27T10:00:00+08:00'), cal);
    expect(due).toEqual([{ step: '2026-11-27', day: cal.dayOf(at('2026-11-27T10:00:00+08:00')), at: at('2026-11-27T10:00:00+08:00') }]);
  });

  it('runs a one-off campaign once at its time, even when the tick comes late', () => {
    const c = campaign(2, { schedule: { kind: 'once', at: '2026-11-25T02:00:00.000Z' }, runFrom: '2026-11-26T00:00:00.000Z' });
    expect(dueSteps(c, at('2026-11-24T12:00:00+08:00'), cal)).toEqual([]);
    expect(dueSteps(c, at('2026-11-28T12:00:00+08:00'), cal).map((s) => s.step)).toEqual(['2026-11-25']);
    c.doneSteps.push('2026-11-25');
    expect(dueSteps(c, at('2026-11-28T12:00:00+08:00'), cal)).toEqual([]);
    expect(nextSlot(c, at('2026-11-28T12:00:00+08:00'), cal)).toBeUndefined();
  });

  it('does nothing for a paused, cancelled or unapproved campaign', () => {
    for (const status of ['paused', 'cancelled', 'awaiting_approval', 'rejected'] as const) {
      expect(dueSteps(campaign(3, { status }), at('2026-11-27T12:00:00+08:00'), cal)).toEqual([]);
    }
  });

  it('holds pushes in quiet hours 22:00–08:00 store time until 08:00', () => {
    expect(quietUntil(at('2026-11-27T21:59:00+08:00'), cal, '22:00', '08:00')).toBeUndefined();
    expect(quietUntil(at('2026-11-27T22:00:00+08:00'), cal, '22:00', '08:00')).toBe(at('2026-11-28T08:00:00+08:00'));
    expect(quietUntil(at('2026-11-28T03:30:00+08:00'), cal, '22:00', '08:00')).toBe(at('2026-11-28T08:00:00+08:00'));
    expect(quietUntil(at('2026-11-28T08:00:00+08:00'), cal, '22:00', '08:00')).toBeUndefined();
    // A quiet window that does not cross midnight.
    expect(quietUntil(at('2026-11-28T13:00:00+08:00'), cal, '12:00', '14:00')).toBe(at('2026-11-28T14:00:00+08:00'));
  });
});
