import { weekday, type Calendar } from '../calendar.ts';
import { minutesOf } from '../time-of-day.ts';

// SLA clocks count only working time: inside business hours (when the playbook sets them)
// and outside pauses (while waiting on the customer). Everything is derived from stored
// instants, so the same deadline comes out after a restart.

export interface BusinessHours {
  start: string; // store-local HH:mm
  end: string;
  /** 1 = Monday … 7 = Sunday. */
  days: number[];
}

/** A pause; `to` undefined means the clock is stopped now. */
export interface Pause {
  from: number;
  to?: number;
}

const MIN = 60_000;
/** How far ahead a clock may look for working time (a stopped clock never finishes). */
const HORIZON_DAYS = 400;

export class WorkingTime {
  /** Store-local midnights by day: time-zone lookups are the slow part of walking the calendar. */
  private readonly midnights = new Map<number, number>();
  constructor(
    private readonly calendar: Calendar,
    private readonly hours: BusinessHours | null,
  ) {}

  /** Working windows from `fromMs` on, in order, before pauses are taken out. */
  private *windows(fromMs: number): Generator<[number, number]> {
    if (!this.hours) {
      yield [fromMs, Infinity];
      return;
    }
    const [open, close] = [minutesOf(this.hours.start) * MIN, minutesOf(this.hours.end) * MIN];
    const first = this.calendar.dayOf(fromMs);
    for (let day = first; day < first + HORIZON_DAYS; day++) {
      if (!this.hours.days.includes(weekday(day) + 1)) continue;
      let base = this.midnights.get(day);
      if (base === undefined) this.midnights.set(day, (base = this.calendar.startOf(day)));
      const [a, b] = [Math.max(base + open, fromMs), base + close];
      if (b > a) yield [a, b];
    }
  }

  /** Working windows with the pauses cut out. */
  private *pieces(fromMs: number, pauses: Pause[]): Generator<[number, number]> {
    const sorted = [...pauses].sort((x, y) => x.from - y.from);
    for (const [a0, b] of this.windows(fromMs)) {
      let a = a0;
      for (const p of sorted) {
        const to = p.to ?? Infinity;
        if (to <= a || p.from >= b) continue;
        if (p.from > a) yield [a, p.from];
        a = Math.max(a, to);
        if (a >= b) break;
      }
      if (a < b) yield [a, b];
      if (a === Infinity) return;
    }
  }

  /** The instant `durationMs` of working time after `startMs`; undefined while a pause holds the clock. */
  after(startMs: number, durationMs: number, pauses: Pause[] = []): number | undefined {
    let left = durationMs;
    for (const [a, b] of this.pieces(startMs, pauses)) {
      if (b - a >= left) return a + left;
      left -= b - a;
    }
    return undefined;
  }

  /** Working time between two instants. */
  between(startMs: number, endMs: number, pauses: Pause[] = []): number {
    let total = 0;
    for (const [a, b] of this.pieces(startMs, pauses)) {
      if (a >= endMs) break;
      total += Math.min(b, endMs) - a;
    }
    return total;
  }
}
