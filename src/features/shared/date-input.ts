import { formatDay, parseDay, type Day } from '../../domain/calendar.ts';
import { dayProblem, lastDayAhead } from '../../domain/date-bounds.ts';
import { problem } from '../../bot/errors.ts';
import type { Bilingual } from '../../chat/lang.ts';
import type { Services } from '../../bot/services.ts';

// Every command that sets a date checks it here: not in the past where that makes no sense, not
// beyond the playbook's `limits.maxYearsAhead` (a `9999-12-31` is a typo), with an example.

type Scene = Pick<Services, 'clock' | 'calendar' | 'playbook'>;

/** Throws a reply when `day` is in the past (unless `allowPast`) or too far ahead. */
export function checkDay(day: Day, scene: Scene, example: Bilingual, allowPast = false): void {
  const years = scene.playbook.limits.maxYearsAhead;
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
  const years = scene.playbook.limits.maxYearsAhead;
  const now = scene.clock.now().getTime();
  const why = at <= now ? 'past' : dayProblem(scene.calendar.dayOf(at), scene.calendar.dayOf(now), years);
  const shown = scene.calendar.formatTime(at);
  if (why === 'past') throw problem('past_time', `${shown} 已经过去了，请选一个将来的时间`, `${shown} is in the past; pick a time to come`, example);
  if (why === 'too_far') {
    const last = formatDay(lastDayAhead(scene.calendar.dayOf(now), years));
    throw problem('date_too_far', `${shown} 太远了：最多只能设到 ${years} 年内（${last} 之前）`, `${shown} is too far ahead: at most ${years} years, up to ${last}`, example);
  }
}

/** Throws a reply when a month (`2026-11`) lies too far ahead, or is over already (unless `allowPast`). */
export function checkMonth(month: string, scene: Scene, example: Bilingual, allowPast = false): void {
  const first = parseDay(`${month}-01`);
  if (first === undefined) return;
  const [y, m] = month.split('-').map(Number);
  const last = parseDay(m === 12 ? `${y + 1}-01-01` : `${y}-${m + 1}-01`)! - 1;
  const years = scene.playbook.limits.maxYearsAhead;
  const today = scene.calendar.dayOf(scene.clock.now().getTime());
  if (!allowPast && last < today) throw problem('month_past', `${month} 已经过去了，请选本月或以后的月份`, `${month} is over; pick this month or a later one`, example);
  if (dayProblem(first, today, years, true) === 'too_far') {
    const limit = formatDay(lastDayAhead(today, years)).slice(0, 7);
    throw problem('date_too_far', `${month} 太远了：最多只能设到 ${years} 年内（${limit} 之前）`, `${month} is too far ahead: at most ${years} years, up to ${limit}`, example);
  }
}
