import { civil, dayFromCivil } from '../../domain/calendar.ts';
import { parseMoney } from '../../domain/money.ts';
import { parseIsoWithOffset } from './times.ts';

// Fast paths for the exact shapes the own schema writes (a million rows a second
// leaves no room for regexes and Date.parse on every field). Anything else falls
// back to the general parsers, which give the same answer (tested).

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

let lastDate = '\0';
let lastDay = 0;

/** `2026-10-01T09:15:00+08:00` → epoch ms; other ISO forms via parseIsoWithOffset. */
export function isoTime(s: string): number | undefined {
  if (s.length !== 25 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(22) !== 58) return parseIsoWithOffset(s);
  const sign = s.charCodeAt(19) === 43 ? 1 : s.charCodeAt(19) === 45 ? -1 : 0;
  // Exports are mostly in time order: the date of the previous timestamp usually repeats.
  let day = lastDay;
  if (!s.startsWith(lastDate)) {
    const y = two(s, 0) * 100 + two(s, 2);
    const mo = two(s, 5);
    const d = two(s, 8);
    if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
    day = dayFromCivil(y, mo, d);
    if (civil(day).d !== d || Number.isNaN(day)) return undefined; // 2026-02-30
    lastDate = s.slice(0, 11);
    lastDay = day;
  }
  const h = two(s, 11);
  const mi = two(s, 14);
  const se = two(s, 17);
  const off = two(s, 20) * 60 + two(s, 23);
  // NaN (a non-digit) fails every comparison below.
  if (!sign || !(h <= 23 && mi <= 59 && se <= 59 && off <= 18 * 60)) return undefined;
  return day * 86_400_000 + ((h * 60 + mi) * 60 + se) * 1000 - sign * off * 60_000;
}

/** `199.00` → 19900 for two-decimal currencies; other forms via parseMoney. */
export function moneyFast(s: string, currency: string, exp: number): number | undefined {
  const n = s.length;
  if (exp === 2 && n >= 4 && n <= 15 && s.charCodeAt(n - 3) === 46) {
    let whole = 0;
    for (let i = 0; i < n - 3; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return parseMoney(s, currency);
      whole = whole * 10 + c;
    }
    const cents = two(s, n - 2);
    if (cents === cents) return whole * 100 + cents; // not NaN
  }
  return parseMoney(s, currency);
}
