import type { Period } from '../periods.ts';
import type { OrderBook } from '../orders/order-book.ts';
import type { Rollups } from '../orders/rollups.ts';
import { BuyerIndex, type BuyerCounts } from './buyer-index.ts';

/**
 * Calls fn for every counted order paid within the period. On a period's last
 * day only orders paid before the cutoff time count.
 */
export function forEachOrder(book: OrderBook, r: Rollups, p: Period, fn: (row: number) => void): void {
  const [start, end] = r.positions(p);
  const rows = r.byDay;
  for (let i = start; i < end; i++) fn(rows[i]);
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
    const ch = book.channel.data;
    const amount = book.amount.data;
    const refunded = book.refunded.data;
    const [, end] = r.positions(p);
    for (let i = r.dayStart[hi]; i < end; i++) {
      const row = r.byDay[i];
      t.gmv[ch[row]] += amount[row];
      t.refund[ch[row]] += refunded[row];
      t.orders[ch[row]] += 1;
    }
  }
  return t;
}

export type { BuyerCounts };

/**
 * Distinct buyers in the period, those with two or more orders in it, and those
 * whose first paid order ever falls in it. A stamp array avoids clearing per query.
 */
export class BuyerCounter {
  private stamp = new Int32Array(0);
  private count = new Uint8Array(0);
  private gen = 0;
  private index?: { rollups: Rollups; index: BuyerIndex };

  count_(book: OrderBook, r: Rollups, p: Period, channel?: number): BuyerCounts {
    if (channel === undefined) {
      // All channels: from the index, built once per rollups (i.e. after each load or import).
      if (this.index?.rollups !== r) this.index = { rollups: r, index: new BuyerIndex(r) };
      return this.index.index.count(p);
    }
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
    const [start, end] = r.positions(p);
    const rows = r.byDay;
    for (let i = start; i < end; i++) {
      const row = rows[i];
      if (ch[row] !== channel) continue;
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
    }
    return { buyers, repeat, fresh };
  }
}
