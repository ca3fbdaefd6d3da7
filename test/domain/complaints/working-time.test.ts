import { describe, expect, it } from 'vitest';
import { Calendar } from '../../../src/domain/calendar.ts';
import { WorkingTime } from '../../../src/domain/complaints/working-time.ts';

const cal = new Calendar('Asia/Shanghai');
const at = (s: string) => Date.parse(`${s}+08:00`);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('working time', () => {
  it('around the clock, a pause pushes the deadline by its length; an open pause stops it', () => {
    const t = new WorkingTime(cal, null);
    expect(t.after(at('2026-11-27T10:00:00'), 4 * HOUR)).toBe(at('2026-11-27T14:00:00'));
    const pauses = [{ from: at('2026-11-27T11:00:00'), to: at('2026-11-27T12:30:00') }];
    expect(t.after(at('2026-11-27T10:00:00'), 4 * HOUR, pauses)).toBe(at('2026-11-27T15:30:00'));
    expect(t.after(at('2026-11-27T10:00:00'), 4 * HOUR, [{ from: at('2026-11-27T11:00:00') }])).toBeUndefined();
    expect(t.between(at('2026-11-27T10:00:00'), at('2026-11-27T15:30:00'), pauses)).toBe(4 * HOUR);
  });

  it('within business hours, nights and weekends do not count', () => {
    const t = new WorkingTime(cal, { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] });
    // Saturday 11:00 → starts counting Monday 09:00.
    expect(t.after(at('2026-11-28T11:00:00'), 30 * MIN)).toBe(at('2026-11-30T09:30:00'));
    // Thursday 17:00 + 4 h = 1 h Thursday + 3 h Friday.
    expect(t.after(at('2026-11-26T17:00:00'), 4 * HOUR)).toBe(at('2026-11-27T12:00:00'));
    expect(t.between(at('2026-11-27T17:00:00'), at('2026-11-30T10:00:00'))).toBe(2 * HOUR);
    // A pause inside business hours on Monday still counts against nothing.
    const pauses = [{ from: at('2026-11-30T09:00:00'), to: at('2026-11-30T10:00:00') }];
    expect(t.after(at('2026-11-27T17:30:00'), HOUR, pauses)).toBe(at('2026-11-30T10:30:00'));
  });
});
