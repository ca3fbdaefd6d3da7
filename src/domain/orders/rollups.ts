import type { Day } from '../calendar.ts';
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
  /** Counted rows grouped by day: rows of day d are byDay[dayStart[d-minDay] .. dayStart[d-minDay+1]). */
  dayStart = new Int32Array(1);
  byDay = new Int32Array(0);
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
    return r;
  }

  /** Clamps a day range to the days that have orders; returns [lo, hi] offsets or undefined. */
  span(from: Day, to: Day): [number, number] | undefined {
    const lo = Math.max(from, this.minDay) - this.minDay;
    const hi = Math.min(to, this.minDay + this.days - 1) - this.minDay;
    return lo > hi || this.days === 0 ? undefined : [lo, hi];
  }
}
