import { formatDay, type Calendar, type Day } from '../calendar.ts';
import { type Campaign } from './campaign.ts';
import { slotAt } from '../time-of-day.ts';

// Which runs of a campaign are due, derived from what is stored (schedule, runFrom, doneSteps),
// so a tick after downtime finds each missed run once. A run is named by its store day.

export interface DueStep {
  /** YYYY-MM-DD (store day of the slot). */
  step: string;
  day: Day;
  /** The slot instant (ms). */
  at: number;
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
    const at = slotAt(cal, day, time);
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
    const at = slotAt(cal, day, c.schedule.time);
    if (at > now && at >= Date.parse(c.runFrom)) return at;
  }
  return slotAt(cal, today + 1, c.schedule.time);
}
