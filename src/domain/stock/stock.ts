import type { Day } from '../calendar.ts';
import type { StoreData } from '../store-data.ts';

// Stock per SKU and its three warning levels (the team's plans): at or below the warning
// stock → warning; at or below the safety stock → safety; nothing left → out of stock.
// A SKU without its own levels gets them from its sales: warning = 14 days of cover,
// safety = 7 days. Days of cover come from the last 14 days' paid units.

export const STOCK_LEVELS = ['ok', 'warning', 'safety', 'out'] as const;
export type StockLevel = (typeof STOCK_LEVELS)[number];
export const levelRank = (l: StockLevel) => STOCK_LEVELS.indexOf(l);

export const SALES_WINDOW_DAYS = 14;
export const DEFAULT_COVER = { warning: 14, safety: 7 };

export interface StockItem {
  sku: string;
  /** Units on hand per warehouse ('' when the source names none); the SKU's stock is their sum. */
  warehouses: Record<string, number>;
  safety?: number;
  warning?: number;
  /** Epoch ms of the last change. */
  updatedAt: number;
}

export const onHand = (i: StockItem) => Object.values(i.warehouses).reduce((a, b) => a + b, 0);

/** Paid units per SKU name over the `days` store days ending with `lastDay`, and per day (oldest first). */
export function unitsSold(data: StoreData, lastDay: Day, days = SALES_WINDOW_DAYS): Map<string, number[]> {
  const book = data.book;
  const out = new Map<string, number[]>();
  const from = lastDay - days + 1;
  data.forEachOrder({ kind: 'range', from, to: lastDay }, (row) => {
    const d = book.day.data[row] - from;
    const start = book.lineStart.data[row];
    for (let i = 0; i < book.lineCount.data[row]; i++) {
      const sku = book.skus.names[book.lineSku.data[start + i]];
      let perDay = out.get(sku);
      if (!perDay) out.set(sku, (perDay = new Array<number>(days).fill(0)));
      perDay[d] += book.lineQty.data[start + i];
    }
  });
  return out;
}

export interface StockStatus {
  sku: string;
  onHand: number;
  /** Units a day over the sales window. */
  rate: number;
  /** Days the stock lasts at that rate; null when it does not sell. */
  cover: number | null;
  safety: number;
  warning: number;
  level: StockLevel;
  /** Units sold per day over the window, oldest first (the sales trend). */
  trend: number[];
}

export function stockStatus(item: StockItem, trend: number[] | undefined, days = SALES_WINDOW_DAYS): StockStatus {
  const sold = trend ?? new Array<number>(days).fill(0);
  const rate = sold.reduce((a, b) => a + b, 0) / days;
  const have = onHand(item);
  const warning = item.warning ?? Math.ceil(rate * DEFAULT_COVER.warning);
  const safety = item.safety ?? Math.ceil(rate * DEFAULT_COVER.safety);
  const level: StockLevel = have <= 0 ? 'out' : have <= safety ? 'safety' : have <= warning ? 'warning' : 'ok';
  return { sku: item.sku, onHand: have, rate, cover: rate > 0 ? have / rate : null, safety, warning, level, trend: sold };
}

/** Units a promotion would need: `multiplier` times the usual daily sales for `days` days, and what is missing. */
export function promotionNeed(s: StockStatus, multiplier: number, days: number): { need: number; short: number } {
  const need = Math.ceil(s.rate * multiplier * days);
  return { need, short: Math.max(0, need - s.onHand) };
}
