import { civil, dayFromCivil, type Day } from './calendar.ts';

// The one rule for dates people set in chat (a campaign send, a checklist's event day, a budget
// month): not beyond `maxYearsAhead` years from today, and not in the past where that makes no
// sense. `9999-12-31` is a typo, not a plan; the caller answers with an example.

export type DateProblem = 'past' | 'too_far';

/** The last day that may be set: the same date `maxYearsAhead` years on (29 February → 28 February). */
export function lastDayAhead(today: Day, maxYearsAhead: number): Day {
  const { y, m, d } = civil(today);
  const day = dayFromCivil(y + maxYearsAhead, m, d);
  return civil(day).m === m ? day : dayFromCivil(y + maxYearsAhead, m, d - 1);
}

/** Why `day` cannot be set today, or undefined when it can. `allowPast` for days that may lie behind (a budget month being corrected). */
export function dayProblem(day: Day, today: Day, maxYearsAhead: number, allowPast = false): DateProblem | undefined {
  if (!allowPast && day < today) return 'past';
  return day > lastDayAhead(today, maxYearsAhead) ? 'too_far' : undefined;
}
