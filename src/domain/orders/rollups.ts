import type { Day } from '../calendar.ts';
import type { Period } from '../periods.ts';
import { NO_DAY, type OrderBook } from './order-book.ts';

/**
 * What the metric queries read: daily totals per channel, counted orders grouped
 * by day, and each customer's first paid day. Rebuilt from the book in one pass
 * after loading or importing, so it can never drift from the orders themselves.
 */
export class Rollups {
  minDay = 0;
  days = 0;
  channels = 0;
  gmv = new Float64Array(0);
  refund = new Float64Array(0);
  orders = new Float64Array(0);
  /**
   * Counted rows grouped by day, and within a day by time of day: rows of day d are
   * byDay[dayStart[d-minDay] .. dayStart[d-minDay+1]). So every period, cut or not,
   * is one contiguous run of positions (see `positions`).
   */
  dayStart = new Int32Array(1);
  byDay = new Int32Array(0);
  /** Milliseconds into its store day each position was paid at. */
  timeOfDay = new Int32Array(0);
  /** Per position: the position of the same customer's previous counted order, -1 for their first. */
  prevSame = new Int32Array(0);
  /** Per position: prevSame of prevSame (-1 when there is none), so repeat buyers count in one pass. */
  prevSame2 = new Int32Array(0);
  firstDay = new Int32Array(0);

  static build(book: OrderBook): Rollups {
    const r = new Rollups();
    const n = book.size;
    const day = book.day.data;
    const cust = book.customer.data;
    let min = Infinity;
    let max = -Infinity;
    let counted = 0;
    for (let i = 0; i < n; i++) {
      if (!book.counts(i)) continue;
      counted++;
      if (day[i] < min) min = day[i];
      if (day[i] > max) max = day[i];
    }
    r.channels = Math.max(1, book.channels.size);
    r.firstDay = new Int32Array(book.customers.size).fill(NO_DAY);
    if (counted === 0) return r;
    r.minDay = min;
    r.days = max - min + 1;
    const C = r.channels;
    r.gmv = new Float64Array(r.days * C);
    r.refund = new Float64Array(r.days * C);
    r.orders = new Float64Array(r.days * C);
    r.dayStart = new Int32Array(r.days + 1);
    const ch = book.channel.data;
    const amt = book.amount.data;
    const ref = book.refunded.data;
    const first = r.firstDay;
    for (let i = 0; i < n; i++) {
      if (!book.counts(i)) continue;
      const d = day[i] - min;
      const k = d * C + ch[i];
      r.gmv[k] += amt[i];
      r.refund[k] += ref[i];
      r.orders[k] += 1;
      r.dayStart[d + 1]++;
      const c = cust[i];
      if (first[c] === NO_DAY || day[i] < first[c]) first[c] = day[i];
    }
    for (let d = 0; d < r.days; d++) r.dayStart[d + 1] += r.dayStart[d];
    r.byDay = new Int32Array(counted);
    const fill = r.dayStart.slice(0, r.days);
    for (let i = 0; i < n; i++) {
      if (!book.counts(i)) continue;
      r.byDay[fill[day[i] - min]++] = i;
    }
    r.sortWithinDays(book);
    r.linkCustomers(cust, book.customers.size);
    return r;
  }

  /** Orders each day's rows by time of day (imports mostly arrive in time order, so this is nearly free). */
  private sortWithinDays(book: OrderBook): void {
    const paid = book.paid.data;
    const cal = book.calendar;
    const tod = (this.timeOfDay = new Int32Array(this.byDay.length));
    for (let i = 0; i < tod.length; i++) tod[i] = cal.msIntoDay(paid[this.byDay[i]]);
    for (let d = 0; d < this.days; d++) {
      const lo = this.dayStart[d];
      const hi = this.dayStart[d + 1];
      let sorted = true;
      for (let i = lo + 1; i < hi && sorted; i++) sorted = tod[i - 1] <= tod[i];
      if (sorted) continue;
      const idx = Array.from({ length: hi - lo }, (_, k) => lo + k).sort((a, b) => tod[a] - tod[b] || a - b);
      const rows = idx.map((k) => this.byDay[k]);
      const times = idx.map((k) => tod[k]);
      this.byDay.set(rows, lo);
      tod.set(times, lo);
    }
  }

  private linkCustomers(cust: Int32Array, customers: number): void {
    const n = this.byDay.length;
    const last = new Int32Array(customers).fill(-1);
    this.prevSame = new Int32Array(n);
    this.prevSame2 = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = cust[this.byDay[i]];
      const p = last[c];
      this.prevSame[i] = p;
      this.prevSame2[i] = p < 0 ? -1 : this.prevSame[p];
      last[c] = i;
    }
  }

  /**
   * The positions in byDay of the orders counted in a period: [start, end). On a
   * period's cut last day only orders paid up to the cutoff time of day count.
   */
  positions(p: Period): [number, number] {
    const span = this.span(p.from, p.to);
    if (!span) return [0, 0];
    const [lo, hi] = span;
    const start = this.dayStart[lo];
    let end = this.dayStart[hi + 1];
    if (p.cutoffMs !== undefined && hi === p.to - this.minDay) {
      // First position on the last day past the cutoff (binary search on time of day).
      let a = this.dayStart[hi];
      let b = end;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (this.timeOfDay[mid] <= p.cutoffMs) a = mid + 1;
        else b = mid;
      }
      end = a;
    }
    return [start, end];
  }

  /** Clamps a day range to the days that have orders; returns [lo, hi] offsets or undefined. */
  span(from: Day, to: Day): [number, number] | undefined {
    const lo = Math.max(from, this.minDay) - this.minDay;
    const hi = Math.min(to, this.minDay + this.days - 1) - this.minDay;
    return lo > hi || this.days === 0 ? undefined : [lo, hi];
  }
}
