import type { Day } from '../calendar.ts';
import { NO_DAY } from '../orders/order-book.ts';
import type { StoreData } from '../store-data.ts';

// Per-customer figures for tiers, RFM and audiences, in one pass over the order columns.
//
//   const stats = computeMemberStats(services.data, calendar.dayOf(now), { spendDays: 365, rfmDays: 365 });
//   stats.spend[customerId]   // paid spend in the trailing spendDays, minor units, refunds taken off
//   stats.lastPaid[c]         // store day of the last paid order, NO_DAY when none
//
// Every array is indexed by the order book's interned customer id (data.book.customers);
// typed arrays, no per-customer objects, so a million customers cost a few milliseconds.

export { NO_DAY };

export interface MemberWindows {
  /** Trailing days whose paid spend decides the tier (365 = twelve months). */
  spendDays: number;
  /** Trailing days counted for RFM frequency and monetary. */
  rfmDays: number;
}

export interface MemberStats {
  today: Day;
  /** Number of customers (length of every array). */
  customers: number;
  /** Paid spend net of refunds within spendDays, minor units. */
  spend: Float64Array;
  /** Paid orders within rfmDays. */
  rfmOrders: Int32Array;
  /** Paid spend net of refunds within rfmDays, minor units. */
  rfmSpend: Float64Array;
  /** Store day of the last and first paid order (any time up to today), NO_DAY when none. */
  lastPaid: Int32Array;
  firstPaid: Int32Array;
}

/** Orders paid after `today` (future-dated imports) are ignored. */
export function computeMemberStats(data: StoreData, today: Day, windows: MemberWindows): MemberStats {
  const book = data.book;
  const n = book.customers.size;
  const spend = new Float64Array(n);
  const rfmOrders = new Int32Array(n);
  const rfmSpend = new Float64Array(n);
  const lastPaid = new Int32Array(n).fill(NO_DAY);
  const firstPaid = new Int32Array(n).fill(NO_DAY);
  const spendFrom = today - windows.spendDays + 1;
  const rfmFrom = today - windows.rfmDays + 1;
  const cust = book.customer.data;
  const day = book.day.data;
  const status = book.status.data;
  const amount = book.amount.data;
  const refunded = book.refunded.data;
  const rows = book.size;
  for (let r = 0; r < rows; r++) {
    const d = day[r];
    if (status[r] !== 0 || d === NO_DAY || d > today) continue;
    const c = cust[r];
    const net = amount[r] - refunded[r];
    if (d >= spendFrom) spend[c] += net;
    if (d >= rfmFrom) {
      rfmOrders[c]++;
      rfmSpend[c] += net;
    }
    if (lastPaid[c] === NO_DAY || d > lastPaid[c]) lastPaid[c] = d;
    if (firstPaid[c] === NO_DAY || d < firstPaid[c]) firstPaid[c] = d;
  }
  return { today, customers: n, spend, rfmOrders, rfmSpend, lastPaid, firstPaid };
}
