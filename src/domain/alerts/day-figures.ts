import type { Day } from '../calendar.ts';
import { sliceTotals, type Totals } from '../insights/period-totals.ts';
import type { StoreData } from '../store-data.ts';

/** The store's totals for one whole day: store-wide under '*' and by channel name. */
export type DayFigures = Map<string, Totals>;

export const STORE = '*';

/** Totals of one whole day, store-wide and per channel: the same slices a "why" question sums. */
export function dayFigures(s: StoreData, day: Day): DayFigures {
  const t = sliceTotals(s, { kind: 'range', from: day, to: day }, undefined, { skus: false });
  return new Map([[STORE, t.whole], ...t.channels]);
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
