import type { Day } from './calendar.ts';

// The one rule for dates people set in chat (a campaign send, a checklist's event day, a budget
// month): not beyond `maxYearsAhead` years from today, and not in the past where that makes no
// sense. `9999-12-31` is a typo, not a plan; the caller answers with an example.

export type DateProblem = 'past' | 'too_far';

const DAY_MS = 86_400_000;
/** The last day that may be set, counted in whole years of 365.25 days. */
export const lastDayAhead = (today: Day, maxYearsAhead: number): Day => today + Math.floor(365.25 * maxYearsAhead);

/** Why `day` cannot be set today, or undefined when it can. `allowPast` for days that may lie behind (a budget month being corrected). */
export function dayProblem(day: Day, today: Day, maxYearsAhead: number, allowPast = false): DateProblem | undefined {
  if (!allowPast && day < today) return 'past';
  return day > lastDayAhead(today, maxYearsAhead) ? 'too_far' : undefined;
}

/** The same for a moment (epoch ms): strictly after `now`, and within the years ahead. */
export function timeProblem(at: number, now: number, maxYearsAhead: number): DateProblem | undefined {
  if (at <= now) return 'past';
  return at - now > Math.floor(365.25 * maxYearsAhead) * DAY_MS ? 'too_far' : undefined;
}
