import { DateTime } from 'luxon';

// Store days are whole numbers: days since 1970-01-01 of the store-local calendar.
// Offsets are cached per UTC hour so converting a million timestamps stays cheap.

export type Day = number;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export class Calendar {
  private offsets = new Map<number, number>();
  constructor(readonly timeZone: string) {}

  /** Offset in ms of the store zone at an instant. */
  offsetAt(epochMs: number): number {
    const hour = Math.floor(epochMs / HOUR);
    let off = this.offsets.get(hour);
    if (off === undefined) {
      off = DateTime.fromMillis(hour * HOUR, { zone: this.timeZone }).offset * 60_000;
      this.offsets.set(hour, off);
    }
    return off;
  }

  dayOf(epochMs: number): Day {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / DAY);
  }

  /** Milliseconds since the store-local midnight of that instant's day. */
  msIntoDay(epochMs: number): number {
    const local = epochMs + this.offsetAt(epochMs);
    return local - Math.floor(local / DAY) * DAY;
  }

  /** The instant a store day begins (midnight in the store zone). */
  startOf(day: Day): number {
    const { y, m, d } = civil(day);
    return DateTime.fromObject({ year: y, month: m, day: d }, { zone: this.timeZone }).toMillis();
  }

  /** Local wall-clock time of an instant, as `YYYY-MM-DD HH:mm`. */
  formatTime(epochMs: number): string {
    return DateTime.fromMillis(epochMs, { zone: this.timeZone }).toFormat('yyyy-LL-dd HH:mm');
  }

  /** Parses a local date-time (`YYYY-MM-DD[ HH:mm[:ss]]`) in the store zone. */
  parseLocal(text: string): number | undefined {
    const dt = DateTime.fromFormat(text.trim().replace('T', ' '), text.trim().length > 10 ? (text.trim().length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm') : 'yyyy-MM-dd', { zone: this.timeZone });
    return dt.isValid ? dt.toMillis() : undefined;
  }
}

export function civil(day: Day): { y: number; m: number; d: number } {
  // Howard Hinnant's days-from-civil inverse.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function dayFromCivil(y: number, m: number, d: number): Day {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function formatDay(day: Day): string {
  const { y, m, d } = civil(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` → Day, or undefined if it is not a real date. */
export function parseDay(text: string): Day | undefined {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const day = dayFromCivil(y, m, d);
  const back = civil(day);
  return back.m === m && back.d === d ? day : undefined;
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function addMonths(day: Day, months: number): Day {
  const { y, m, d } = civil(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = daysInMonth(ny, nm);
  return dayFromCivil(ny, nm, Math.min(d, last));
}

export function daysInMonth(y: number, m: number): number {
  return civil(dayFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).d;
}

export function firstOfMonth(day: Day): Day {
  const { y, m } = civil(day);
  return dayFromCivil(y, m, 1);
}
