import type { Day } from './calendar.ts';

/**
 * A number per store day and channel: visitors (UV) or ad spend (minor units).
 * Keyed so that importing the same day and channel again replaces the value.
 */
export class DailySeries {
  private readonly byChannel = new Map<string, Map<Day, number>>();

  set(day: Day, channel: string, value: number): boolean {
    let m = this.byChannel.get(channel);
    if (!m) this.byChannel.set(channel, (m = new Map()));
    const had = m.has(day);
    m.set(day, value);
    return had;
  }

  get(day: Day, channel: string): number | undefined {
    return this.byChannel.get(channel)?.get(day);
  }

  channels(): string[] {
    return [...this.byChannel.keys()];
  }

  /** Sum over [from, to] for one channel, or all channels when none is given. */
  sum(from: Day, to: Day, channel?: string): number {
    let total = 0;
    for (const [ch, m] of this.byChannel) {
      if (channel !== undefined && ch !== channel) continue;
      if (m.size < to - from + 1) {
        for (const [d, v] of m) if (d >= from && d <= to) total += v;
      } else {
        for (let d = from; d <= to; d++) total += m.get(d) ?? 0;
      }
    }
    return total;
  }

  /** Whether any value exists in the range (so "no data" differs from zero). */
  has(from: Day, to: Day, channel?: string): boolean {
    for (const [ch, m] of this.byChannel) {
      if (channel !== undefined && ch !== channel) continue;
      for (const d of m.keys()) if (d >= from && d <= to) return true;
    }
    return false;
  }

  toRows(): [Day, string, number][] {
    const rows: [Day, string, number][] = [];
    for (const [ch, m] of this.byChannel) for (const [d, v] of m) rows.push([d, ch, v]);
    return rows.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  }

  static fromRows(rows: [Day, string, number][]): DailySeries {
    const s = new DailySeries();
    for (const [d, ch, v] of rows) s.set(d, ch, v);
    return s;
  }
}
