import { formatDay, type Calendar, type Day } from '../calendar.ts';
import { minutesOf, type Campaign } from './campaign.ts';

// Which runs of a campaign are due, derived from what is stored (schedule, runFrom, doneSteps),
// so a tick after downtime finds each missed run once. A run is named by its store day.

export interface DueStep {
  /** YYYY-MM-DD (store day of the slot). */
  step: string;
  day: Day;
  /** The slot instant (ms). */
  at: number;
}

const MINUTE = 60_000;

export function slotOf(cal: Calendar, day: Day, hhmm: string): number {
  return cal.startOf(day) + minutesOf(hhmm) * MINUTE;
}

/** Runs that fell due by `now` and are not done, oldest first. */
export function dueSteps(c: Campaign, now: number, cal: Calendar): DueStep[] {
  if (c.status !== 'active') return [];
  const done = new Set(c.doneSteps);
  if (c.schedule.kind === 'once') {
    const at = Date.parse(c.schedule.at);
    const day = cal.dayOf(at);
    const step = formatDay(day);
    return at <= now && !done.has(step) ? [{ step, day, at }] : [];
  }
  const time = c.schedule.time;
  const from = Date.parse(c.runFrom);
  const out: DueStep[] = [];
  for (let day = cal.dayOf(from); day <= cal.dayOf(now); day++) {
    const at = slotOf(cal, day, time);
    const step = formatDay(day);
    if (at >= from && at <= now && !done.has(step)) out.push({ step, day, at });
  }
  return out;
}

/** The next slot after `now` (for the campaign card), undefined when none is left. */
export function nextSlot(c: Campaign, now: number, cal: Calendar): number | undefined {
  if (c.status !== 'active' && c.status !== 'awaiting_approval' && c.status !== 'paused') return undefined;
  if (c.schedule.kind === 'once') {
    const at = Date.parse(c.schedule.at);
    return c.doneSteps.length ? undefined : at;
  }
  const today = cal.dayOf(now);
  for (const day of [today, today + 1]) {
    const at = slotOf(cal, day, c.schedule.time);
    if (at > now && at >= Date.parse(c.runFrom)) return at;
  }
  return slotOf(cal, today + 1, c.schedule.time);
}

/** Inside quiet hours (store time) a push waits for their end: the instant it may go, or undefined when it may go now. */
export function quietUntil(at: number, cal: Calendar, quietStart: string, quietEnd: string): number | undefined {
  const m = Math.floor(cal.msIntoDay(at) / MINUTE);
  const s = minutesOf(quietStart);
  const e = minutesOf(quietEnd);
  const quiet = s > e ? m >= s || m < e : m >= s && m < e;
  if (!quiet) return undefined;
  const day = cal.dayOf(at);
  // After the start (late evening) the quiet ends tomorrow; after midnight it ends today.
  const endDay = s > e && m >= s ? day + 1 : day;
  return slotOf(cal, endDay, quietEnd);
}
