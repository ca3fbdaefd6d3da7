import { civil, dayFromCivil, weekday, type Calendar, type Day } from '../calendar.ts';
import { slotAt } from '../time-of-day.ts';
import type { Cadence } from './template.ts';

/** The latest slot of a cadence at or before `now` (store-local day and instant). */
export function latestSlot(c: Cadence, now: number, cal: Calendar): { day: Day; at: number } {
  const today = cal.dayOf(now);
  for (let back = 0; back < 120; back++) {
    const day = today - back;
    if (!isSlotDay(c, day)) continue;
    const at = slotAt(cal, day, c.at);
    if (at <= now) return { day, at };
  }
  // Quarterly cadences look back at most ~92 days; this is only reached by a bad template.
  return { day: today - 120, at: slotAt(cal, today - 120, c.at) };
}

export function isSlotDay(c: Cadence, day: Day): boolean {
  const { y, m, d } = civil(day);
  switch (c.every) {
    case 'week':
      return weekday(day) === c.on - 1;
    case 'month':
      return d === c.on;
    case 'quarter':
      return d === c.on && (m - 1) % 3 === 0 && day === dayFromCivil(y, m, c.on);
  }
}
