import type { Day } from '../calendar.ts';
import { ZERO, type Totals } from '../insights/period-totals.ts';
import type { StoreData } from '../store-data.ts';
import { distinctBuyers } from '../insights/distinct-buyers.ts';

/** The store's totals for one whole day: store-wide under '*' and by channel name. */
export type DayFigures = Map<string, Totals>;

export const STORE = '*';

/**
 * Totals of one whole day, store-wide and per channel, in one pass over that day's orders
 * (GMV, refunds and orders come from the rollups; distinct buyers are counted here).
 */
export function dayFigures(s: StoreData, day: Day): DayFigures {
  const out: DayFigures = new Map();
  const names = s.channelNames();
  const store: Totals = { ...ZERO, uv: s.traffic.sum(day, day), spend: s.spend.sum(day, day) };
  out.set(STORE, store);
  const byIndex = new Map<number, Totals>();
  for (const n of names) {
    const t = { ...ZERO, uv: s.traffic.sum(day, day, n), spend: s.spend.sum(day, day, n) };
    out.set(n, t);
    const i = s.book.channels.find(n);
    if (i !== undefined) byIndex.set(i, t);
  }
  const r = s.rollups;
  const span = r.span(day, day);
  if (!span) return out;
  const d = span[0];
  const C = r.channels;
  for (const [i, t] of byIndex) {
    t.gmv = r.gmv[d * C + i];
    t.refund = r.refund[d * C + i];
    t.orders = r.orders[d * C + i];
    store.gmv += t.gmv;
    store.refund += t.refund;
    store.orders += t.orders;
  }
  // Distinct buyers: a customer counts once a day store-wide and once in each channel they bought in.
  const seen = distinctBuyers;
  seen.begin(s.book.customers.size);
  const cust = s.book.customer.data;
  const ch = s.book.channel.data;
  for (let k = r.dayStart[d]; k < r.dayStart[d + 1]; k++) {
    const row = r.byDay[k];
    if (seen.firstInStore(cust[row])) store.buyers++;
    if (seen.firstInChannel(cust[row], ch[row])) {
      const t = byIndex.get(ch[row]);
      if (t) t.buyers++;
    }
  }
  return out;
}

/** Memoises dayFigures for one evaluation, since baselines revisit the same days. */
export function dayCache(s: StoreData): (day: Day) => DayFigures {
  const cache = new Map<Day, DayFigures>();
  return (day) => {
    let f = cache.get(day);
    if (!f) cache.set(day, (f = dayFigures(s, day)));
    return f;
  };
}
