import { addMonths, civil, dayFromCivil, daysInMonth, firstOfMonth, parseDay, weekday, type Day } from '../../domain/calendar.ts';
import { problem } from '../../bot/errors.ts';
import { bi, type Part, type PeriodPart } from './parts.ts';
import { sticky, type Rule } from './tokenizer.ts';

// Period words in both languages, resolved against today (a store day). Named
// months, M/D dates and event days without a year mean the latest one not in
// the future; "last Friday" / 上周五 is the Friday of last week.

export interface EventDay {
  aliases: string[];
  name: { zh: string; en: string };
  month: number;
  day: number;
}

const CN_DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 12, 十二, 两, 三十 → number; undefined when it is not one. */
export function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零一二两三四五六七八九十]+$/.test(s)) return undefined;
  if (!s.includes('十')) return s.length === 1 ? CN_DIGIT[s] : undefined;
  const [tens, ones] = s.split('十');
  return (tens ? CN_DIGIT[tens] : 1) * 10 + (ones ? CN_DIGIT[ones] : 0);
}

const CN_NUM = '[0-9]+|[一二两三四五六七八九十]+';
const MONTHS_EN = ['jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?', 'sep(?:t|tember)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?'];
const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS_EN = ['mon(?:day)?', 'tue(?:s|sday)?', 'wed(?:nesday)?', 'thu(?:r|rs|rsday)?', 'fri(?:day)?', 'sat(?:urday)?', 'sun(?:day)?'];
const WEEKDAY_NAMES = [['一', 'Monday'], ['二', 'Tuesday'], ['三', 'Wednesday'], ['四', 'Thursday'], ['五', 'Friday'], ['六', 'Saturday'], ['日', 'Sunday']];
const CN_WEEKDAY: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, '1': 0, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6 };

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function badDate(raw: string) {
  const typed = raw.trim(); // a range's first date can arrive with the space before its "to"
  return problem('bad_date', `「${typed}」不是有效日期，请写成 2026-10-01 这样。`, `"${typed}" is not a date; write dates like 2026-10-01.`, { zh: 'GMV 2026-10-01至2026-10-31', en: 'gmv 2026-10-01 to 2026-10-31' });
}

/** A calendar date, or a clear refusal when it does not exist (2026-02-30). */
function dateOf(y: number, m: number, d: number, typed: string): Day {
  const day = parseDay(`${y}-${m}-${d}`);
  if (day === undefined) throw badDate(typed);
  return day;
}

/** The latest (month, day) not after today, unless a year is given. */
function latest(today: Day, m: number, d: number, typed: string, year?: number): Day {
  const y = civil(today).y;
  if (year !== undefined) return dateOf(year, m, d, typed);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    if (!(m === 2 && d === 29)) throw badDate(typed);
  }
  const thisYear = parseDay(`${y}-${m}-${d}`);
  if (thisYear !== undefined && thisYear <= today) return thisYear;
  return dateOf(y - 1, m, d, typed);
}

function monthPart(today: Day, m: number, year: number | undefined, typed: string): PeriodPart {
  if (m < 1 || m > 12) throw badDate(typed);
  const t = civil(today);
  const y = year ?? (m > t.m ? t.y - 1 : t.y);
  const from = dayFromCivil(y, m, 1);
  const to = from + daysInMonth(y, m) - 1;
  const name = bi(`${y}年${m}月`, `${MONTH_NAMES_EN[m - 1]} ${y}`);
  // Compared with the month before; the current month runs to now.
  return { kind: 'period', from, to: Math.min(to, today), name, named: 'month' };
}

const span = (from: Day, to: Day, zh: string, en: string): PeriodPart => ({ kind: 'period', from, to, name: bi(zh, en) });

function weekdayPart(today: Day, which: 'before_last' | 'last' | 'this' | 'latest', wd: number): PeriodPart {
  const monday = today - weekday(today);
  const day = which === 'before_last' ? monday - 14 + wd : which === 'last' ? monday - 7 + wd : which === 'this' ? monday + wd : monday + wd <= today ? monday + wd : monday - 7 + wd;
  const [zh, en] = WEEKDAY_NAMES[wd];
  const name = which === 'before_last' ? bi(`上上周${zh}`, `${en} the week before last`) : which === 'last' ? bi(`上周${zh}`, `last ${en}`) : which === 'this' ? bi(`本周${zh}`, `this ${en}`) : bi(`周${zh}`, en);
  return { kind: 'period', from: day, to: day, name, weekday: wd };
}

function lastN(today: Day, n: number | undefined, unit: string): PeriodPart {
  const u = /^(天|日|d)/i.test(unit) ? 'day' : /^(周|星期|w)/i.test(unit) ? 'week' : 'month';
  const max = u === 'day' ? 1096 : u === 'week' ? 156 : 36;
  if (n === undefined || n < 1 || n > max) throw problem('bad_count', `${u === 'day' ? '天数要在 1 到 1096' : u === 'week' ? '周数要在 1 到 156' : '月数要在 1 到 36'} 之间。`, `The number of ${u}s must be from 1 to ${max}.`, { zh: '近30天 GMV', en: 'gmv last 30 days' });
  if (u === 'day') return { kind: 'period', from: today - n + 1, to: today, named: 'last_days', n };
  if (u === 'week') return span(today - 7 * n + 1, today, `近${n}周`, `last ${n} week${n > 1 ? 's' : ''}`);
  return span(addMonths(today, -n) + 1, today, `近${n}个月`, `last ${n} month${n > 1 ? 's' : ''}`);
}

/** Event days (双11, 618, 双12) from the checklist templates: the date is read from the aliases (1111 → 11-11, 双12 → 12-12). */
export function eventDate(aliases: string[]): { month: number; day: number } | undefined {
  for (const a of aliases) {
    const mmdd = /^(\d{1,2})(\d{2})$/.exec(a);
    if (mmdd && Number(mmdd[1]) <= 12) return { month: Number(mmdd[1]), day: Number(mmdd[2]) };
    const twice = /^(?:双|double\s*)(\d+|[一二三四五六七八九十]+)$/i.exec(a);
    const n = twice ? cnNumber(twice[1]) : undefined;
    if (n && n >= 1 && n <= 12) return { month: n, day: n };
  }
  return undefined;
}

const aliasPattern = (a: string) => a.split(/(?<=[a-z])(?=\d)/i).map(esc).join('\\s*');

export function periodRules(today: Day, events: EventDay[]): Rule<Part>[] {
  const T = civil(today);
  const r = (source: string, make: (m: RegExpExecArray) => Part | Part[]): Rule<Part> => ({ re: sticky(source), make });
  const named = (named: NonNullable<PeriodPart['named']>, from: Day, to: Day): PeriodPart => ({ kind: 'period', from, to, named });
  const monday = today - weekday(today);
  const first = firstOfMonth(today);
  const rules: Rule<Part>[] = [
    r('today|今天|今日|当天', () => named('today', today, today)),
    r('yesterday|昨天|昨日', () => named('yesterday', today - 1, today - 1)),
    r('(?:the\\s+)?day\\s+before\\s+yesterday|前天|前日', () => span(today - 2, today - 2, '前天', 'the day before yesterday')),
    r('this\\s+week|wtd|week\\s+to\\s+date|本周(?:至今|以来)?|这周|这一周|这星期|本星期', () => named('this_week', monday, today)),
    r('last\\s+week|previous\\s+week|上周|上一周|上星期|上个星期', () => named('last_week', monday - 7, monday - 1)),
    r('this\\s+month|mtd|month\\s+to\\s+date|本月(?:至今|以来)?|这个月|这月|当月', () => named('this_month', first, today)),
    r('last\\s+month|previous\\s+month|上月|上个月|上一个月', () => named('last_month', addMonths(first, -1), first - 1)),
    r('ytd|year\\s+to\\s+date|this\\s+year(?:\\s+so\\s+far)?|今年(?:以来|至今)?|本年(?:度)?(?:至今)?', () => span(dayFromCivil(T.y, 1, 1), today, '今年以来', 'year to date')),
    r('last\\s+year|去年', () => span(dayFromCivil(T.y - 1, 1, 1), dayFromCivil(T.y - 1, 12, 31), `${T.y - 1}年`, `${T.y - 1}`)),
    // Last N days / weeks / months.
    r(`(?:last|past|previous)\\s+(\\d+)\\s*(days?|d|weeks?|wks?|w|months?|mos?)`, (m) => lastN(today, Number(m[1]), m[2])),
    r(`(?:近|最近|过去|前)\\s*(${CN_NUM})\\s*(?:个)?\\s*(天|日|周|星期|礼拜|月)`, (m) => lastN(today, cnNumber(m[1]), m[2])),
    r('(?:last|past)\\s+(week|month)', (m) => lastN(today, 1, m[1])), // "past week": the 7 days to today
    // Dates: 2026-10-01, 2026/10/1, 2026年10月1日; 10月1日, 11/11.
    r('(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?', (m) => {
      const d = dateOf(Number(m[1]), Number(m[2]), Number(m[3]), m[0]);
      return { kind: 'period', from: d, to: d };
    }),
    r(`(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]|(\\d{1,2})/(\\d{1,2})(?![/\\d])`, (m) => {
      const d = latest(today, Number(m[1] ?? m[3]), Number(m[2] ?? m[4]), m[0]);
      return { kind: 'period', from: d, to: d };
    }),
    // Months: 10月, 十月, 2026年10月, 2026-10, october, oct 2026.
    r(`(?:(\\d{4})\\s*年\\s*)?(\\d{1,2}|十[一二]?|[一二三四五六七八九])\\s*月(?:份)?`, (m) => monthPart(today, cnNumber(m[2])!, m[1] ? Number(m[1]) : undefined, m[0])),
    r('(\\d{4})\\s*[-/]\\s*(\\d{1,2})(?![\\d/\\-.])', (m) => monthPart(today, Number(m[2]), Number(m[1]), m[0])),
    ...MONTHS_EN.map((re, i) => r(`(?:(?:in|of)\\s+)?(?:${re})\\.?(?:\\s+(\\d{4}))?`, (m) => monthPart(today, i + 1, m[1] ? Number(m[1]) : undefined, m[0]))),
    // Weekdays: 上周五, 本周一, 周三, 星期五, last friday, this monday, friday.
    r('(上上|上|本|这)?\\s*(?:周|星期|礼拜)([一二三四五六日天1-7])', (m) => weekdayPart(today, m[1] === '上上' ? 'before_last' : m[1] === '上' ? 'last' : m[1] ? 'this' : 'latest', CN_WEEKDAY[m[2]])),
    r('上上周|上上个?星期|the\\s+week\\s+before\\s+last', () => span(monday - 14, monday - 8, '上上周', 'the week before last')),
    ...WEEKDAYS_EN.map((re, i) => r(`(?:(last|this|on)\\s+)?(?:${re})\\.?`, (m) => weekdayPart(today, m[1]?.toLowerCase() === 'last' ? 'last' : m[1]?.toLowerCase() === 'this' ? 'this' : 'latest', i))),
  ];
  // Event days: 双11, 去年双11, 2025双11, Double 11, last year's double 11.
  const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
  for (const e of events) {
    // "Double 11" is also said "double eleven".
    const spoken = e.month === e.day ? [`double\\s*${NUMBER_WORDS[e.month]}`] : [];
    const alias = [...e.aliases.map(aliasPattern), ...spoken].join('|');
    rules.push(
      r(`(?:(去年|前年|last\\s+year'?s?|(\\d{4})\\s*年?)\\s*)?(?:${alias})(?:\\s+(\\d{4}))?(?:\\s*(?:那天|当天|当日))?`, (m) => {
        const year = m[2] ? Number(m[2]) : m[3] ? Number(m[3]) : m[1] ? T.y - (m[1] === '前年' ? 2 : 1) : undefined;
        const d = latest(today, e.month, e.day, m[0], year);
        const y = civil(d).y;
        return span(d, d, `${y}年${e.name.zh}`, `${e.name.en} ${y}`);
      }),
    );
  }
  return rules;
}

/** The single English words of the period vocabulary, for reading typos. */
export const PERIOD_WORDS = ['today', 'yesterday', 'week', 'month', 'year', 'days', 'weeks', 'months', 'last', 'this', 'past', 'previous', 'date', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'before'];
