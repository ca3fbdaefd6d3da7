import { z } from 'zod';
import type { Calendar, Day } from './calendar.ts';

// Store-local times of day (`09:30`) as the playbook and schedules write them, and the
// quiet hours every push respects: one place, so reminders, coupon pushes and member
// congratulations all wait for the same morning.

const MINUTE = 60_000;

/** A `HH:mm` setting; the example in the message says what the setting is for. */
export const hhmmSchema = (example: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `a time like ${example}`);

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant a store-local time falls on a store day. */
export const slotAt = (cal: Calendar, day: Day, hhmm: string) => cal.startOf(day) + minutesOf(hhmm) * MINUTE;

/** Inside quiet hours (store time) a message waits for their end: the instant it may go, or undefined when it may go now. */
export function quietUntil(at: number, cal: Calendar, quietStart: string, quietEnd: string): number | undefined {
  const m = Math.floor(cal.msIntoDay(at) / MINUTE);
  const s = minutesOf(quietStart);
  const e = minutesOf(quietEnd);
  const quiet = s > e ? m >= s || m < e : m >= s && m < e;
  if (!quiet) return undefined;
  const day = cal.dayOf(at);
  // After the start (late evening) the quiet ends tomorrow; after midnight it ends today.
  const endDay = s > e && m >= s ? day + 1 : day;
  return slotAt(cal, endDay, quietEnd);
}
