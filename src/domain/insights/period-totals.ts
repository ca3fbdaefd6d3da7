import type { Period } from '../periods.ts';
import type { StoreData } from '../store-data.ts';
import { distinctBuyers } from './distinct-buyers.ts';

/** The additive figures every metric is made of, for one slice of the store over one period. */
export interface Totals {
  gmv: number;
  refund: number;
  orders: number;
  buyers: number;
  uv: number;
  spend: number;
}

export const ZERO: Totals = { gmv: 0, refund: 0, orders: 0, buyers: 0, uv: 0, spend: 0 };

export interface Slices {
  whole: Totals;
  /** By channel name. */
  channels: Map<string, Totals>;
  /** Buyers whose first paid order ever falls in the period, and everyone else. */
  buyers: { new: Totals; returning: Totals };
  /** Line amounts and units by SKU. */
  skus: Map<string, { amount: number; qty: number }>;
}

/**
 * One pass over the period's orders (optionally one channel's) that sums every slice the
 * explanations need. Visitors and spend come from the daily series, whole days.
 */
export function sliceTotals(s: StoreData, p: Period, channel?: string, opts: { skus?: boolean } = {}): Slices {
  const withSkus = opts.skus ?? true;
  const { book, rollups: r } = s;
  const chIndex = channel === undefined ? undefined : book.channels.find(channel);
  const names = s.channelNames().filter((n) => channel === undefined || n === channel);
  const channels = new Map(names.map((n) => [n, { ...ZERO, uv: s.traffic.sum(p.from, p.to, n), spend: s.spend.sum(p.from, p.to, n) }]));
  // By channel index, an array rather than a map: this is read once per order.
  const byIndex: (Totals | undefined)[] = [];
  for (const [n, t] of channels) {
    const i = book.channels.find(n);
    if (i !== undefined) byIndex[i] = t;
  }
  const groups = { new: { ...ZERO }, returning: { ...ZERO } };
  // SKU sums need an array per SKU and a walk over every line: only explanations name SKUs.
  const skuAmount = new Float64Array(withSkus ? book.skus.size : 0);
  const skuQty = new Float64Array(withSkus ? book.skus.size : 0);
  const seen = distinctBuyers;
  seen.begin(book.customers.size);
  const ch = book.channel.data, cust = book.customer.data, amount = book.amount.data, refunded = book.refunded.data;
  const { lineStart, lineCount, lineSku, lineQty, lineAmount } = book;
  let wholeBuyers = 0;
  s.forEachOrder(p, (row) => {
    if (chIndex !== undefined && ch[row] !== chIndex) return;
    if (channel !== undefined && chIndex === undefined) return;
    const c = cust[row];
    const first = r.firstDay[c];
    const g = first >= p.from && first <= p.to ? groups.new : groups.returning;
    const t = byIndex[ch[row]];
    if (seen.firstInStore(c)) {
      wholeBuyers++;
      g.buyers++;
    }
    if (seen.firstInChannel(c, ch[row]) && t) t.buyers++;
    g.gmv += amount[row];
    g.refund += refunded[row];
    g.orders += 1;
    if (t) {
      t.gmv += amount[row];
      t.refund += refunded[row];
      t.orders += 1;
    }
    if (withSkus) for (let i = lineStart.data[row], end = i + lineCount.data[row]; i < end; i++) {
      skuAmount[lineSku.data[i]] += lineAmount.data[i];
      skuQty[lineSku.data[i]] += lineQty.data[i];
    }
  });
  const whole: Totals = {
    gmv: groups.new.gmv + groups.returning.gmv,
    refund: groups.new.refund + groups.returning.refund,
    orders: groups.new.orders + groups.returning.orders,
    buyers: wholeBuyers,
    uv: s.traffic.sum(p.from, p.to, channel),
    spend: s.spend.sum(p.from, p.to, channel),
  };
  const skus = new Map<string, { amount: number; qty: number }>();
  for (let k = 0; k < skuAmount.length; k++) if (skuAmount[k] !== 0 || skuQty[k] !== 0) skus.set(book.skus.names[k], { amount: skuAmount[k], qty: skuQty[k] });
  return { whole, channels, buyers: groups, skus };
}
