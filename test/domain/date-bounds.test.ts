import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/domain/calendar.ts';
import { dayProblem, lastDayAhead } from '../../src/domain/date-bounds.ts';

describe('dates ahead', () => {
  const today = parseDay('2026-11-27')!;
  it('allow the same date some years on, not a day more, and not the past unless asked', () => {
    expect(lastDayAhead(today, 3)).toBe(parseDay('2029-11-27'));
    expect(lastDayAhead(parseDay('2028-02-29')!, 1)).toBe(parseDay('2029-02-28'));
    expect(dayProblem(parseDay('2029-11-27')!, today, 3)).toBeUndefined();
    expect(dayProblem(parseDay('2029-11-28')!, today, 3)).toBe('too_far');
    expect(dayProblem(parseDay('9999-12-31')!, today, 3)).toBe('too_far');
    expect(dayProblem(today, today, 3)).toBeUndefined();
    expect(dayProblem(today - 1, today, 3)).toBe('past');
    expect(dayProblem(today - 400, today, 3, true)).toBeUndefined();
  });
});
