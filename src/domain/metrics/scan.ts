import type { Period } from '../periods.ts';
import type { OrderBook } from '../orders/order-book.ts';
import type { Rollups } from '../orders/rollups.ts';

/**
 * Calls fn for every counted order paid within the period. On a period's last
 * day only orders paid before the cutoff time count.
 */
export function forEachOrder(book: OrderBook, r: Rollups, p: Period, fn: (row: number) => void): void {
  const span = r.span(p.from, p.to);
  if (!span) return;
  const [lo, hi] = span;
  const rows = r.byDay;
  const lastCut = p.cutoffMs !== undefined && hi === p.to - r.minDay;
  const end = lastCut ? hi : hi + 1;
  for (let i = r.dayStart[lo], stop = r.dayStart[end]; i < stop; i++) fn(rows[i]);
  if (lastCut) {
    const paid = book.paid.data;
    const cal = book.calendar;
    const cutoff = p.cutoffMs!;
    for (let i = r.dayStart[hi], stop = r.dayStart[hi + 1]; i < stop; i++) {
      const row = rows[i];
      if (cal.msIntoDay(paid[row]) <= cutoff) fn(row);
    }
  }
}

export interface ChannelTotals {
  gmv: Float64Array;
  refund: Float64Array;
  orders: Float64Array;
}

/** GMV, refunds and order counts per channel over the period: whole days from the rollups, the cut day scanned. */
export function channelTotals(book: OrderBook, r: Rollups, p: Period): ChannelTotals {
  const C = r.channels;
  const t = { gmv: new Float64Array(C), refund: new Float64Array(C), orders: new Float64Array(C) };
  const span = r.span(p.from, p.to);
  if (!span) return t;
  const [lo, hi] = span;
  const lastCut = p.cutoffMs !== undefined && hi === p.to - r.minDay;
  const wholeHi = lastCut ? hi - 1 : hi;
  for (let d = lo; d <= wholeHi; d++) {
    const base = d * C;
    for (let c = 0; c < C; c++) {
      t.gmv[c] += r.gmv[base + c];
      t.refund[c] += r.refund[base + c];
      t.orders[c] += r.orders[base + c];
    }
  }
  if (lastCut) {
    const paid = book.paid.data;
    const ch = book.channel.data;
    const cal = book.calendar;
    for (let i = r.dayStart[hi], stop = r.dayStart[hi + 1]; i < stop; i++) {
      const row = r.byDay[i];
      if (cal.msIntoDay(paid[row]) > p.cutoffMs!) continue;
      t.gmv[ch[row]] += book.amount.data[row];
      t.refund[ch[row]] += book.refunded.data[row];
      t.orders[ch[row]] += 1;
    }
  }
  return t;
}

export interface BuyerCounts {
  buyers: number;
  repeat: number;
  fresh: number;
}

/**
 * Distinct buyers in the period, those with two or more orders in it, and those
 * whose first paid order ever falls in it. A stamp array avoids clearing per query.
 */
export class BuyerCounter {
  private stamp = new Int32Array(0);
  private count = new Uint8Array(0);
  private gen = 0;

  count_(book: OrderBook, r: Rollups, p: Period, channel?: number): BuyerCounts {
    const n = book.customers.size;
    if (this.stamp.length < n) {
      this.stamp = new Int32Array(Math.max(n, this.stamp.length * 2));
      this.count = new Uint8Array(this.stamp.length);
      this.gen = 0;
    }
    const g = ++this.gen;
    const stamp = this.stamp;
    const count = this.count;
    const cust = book.customer.data;
    const ch = book.channel.data;
    const first = r.firstDay;
    let buyers = 0;
    let repeat = 0;
    let fresh = 0;
    forEachOrder(book, r, p, (row) => {
      if (channel !== undefined && ch[row] !== channel) return;
      const c = cust[row];
      if (stamp[c] !== g) {
        stamp[c] = g;
        count[c] = 1;
        buyers++;
        if (first[c] >= p.from && first[c] <= p.to) fresh++;
      } else if (count[c] === 1) {
        count[c] = 2;
        repeat++;
      }
    });
    return { buyers, repeat, fresh };
  }
}
