import { formatDay, type Day } from '../domain/calendar.ts';
import { dayProblem, lastDayAhead, timeProblem } from '../domain/date-bounds.ts';
import { limitRules } from '../domain/playbook/limits.ts';
import { problem } from './errors.ts';
import type { Bilingual } from './lang.ts';
import type { Services } from './services.ts';

// Every command that sets a date checks it here: not in the past where that makes no sense, not
// beyond the playbook's `limits.maxYearsAhead` (a `9999-12-31` is a typo), with an example.

type Scene = Pick<Services, 'clock' | 'calendar' | 'playbook'>;

/** Throws a reply when `day` is in the past (unless `allowPast`) or too far ahead. */
export function checkDay(day: Day, scene: Scene, example: Bilingual, allowPast = false): void {
  const years = limitRules(scene.playbook).maxYearsAhead;
  const today = scene.calendar.dayOf(scene.clock.now().getTime());
  const why = dayProblem(day, today, years, allowPast);
  const shown = formatDay(day);
  if (why === 'past') throw problem('date_past', `${shown} 已经过去了，请选今天（${formatDay(today)}）或以后的日期`, `${shown} is in the past; pick today (${formatDay(today)}) or a later date`, example);
  if (why === 'too_far') {
    const last = formatDay(lastDayAhead(today, years));
    throw problem('date_too_far', `${shown} 太远了：最多只能设到 ${years} 年内（${last} 之前）`, `${shown} is too far ahead: at most ${years} years, up to ${last}`, example);
  }
}

/** Throws a reply when the moment `at` is not after now or is too far ahead. */
export function checkTime(at: number, scene: Scene, example: Bilingual): void {
  const years = limitRules(scene.playbook).maxYearsAhead;
  const now = scene.clock.now().getTime();
  const why = timeProblem(at, now, years);
  const shown = scene.calendar.formatTime(at);
  if (why === 'past') throw problem('past_time', `${shown} 已经过去了，请选一个将来的时间`, `${shown} is in the past; pick a time to come`, example);
  if (why === 'too_far') {
    const last = formatDay(lastDayAhead(scene.calendar.dayOf(now), years));
    throw problem('date_too_far', `${shown} 太远了：最多只能设到 ${years} 年内（${last} 之前）`, `${shown} is too far ahead: at most ${years} years, up to ${last}`, example);
  }
}
