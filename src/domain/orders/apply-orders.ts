import type { Day } from '../calendar.ts';
import type { StoreData } from '../store-data.ts';
import { NO_DAY } from './order-book.ts';
import type { Order } from './order.ts';
import type { OrderStore } from './order-store.ts';

export interface AppliedOrders {
  added: number;
  replaced: number;
}

/**
 * Puts orders into the book and saves the months they touched. An order already
 * there (same platform and order id) is replaced, so re-importing a file, or a
 * later export carrying a refund or cancellation, changes the figures of the day
 * the order was paid and never counts it twice.
 *
 * `save: false` leaves the months unsaved for the next save to commit (see
 * OrderStore.markUnsaved): only for a caller whose own journal holds the orders
 * until then, such as the Shopify inbox.
 */
export async function applyOrders(data: StoreData, repo: OrderStore, orders: Iterable<Order>, opts: { save?: boolean } = {}): Promise<AppliedOrders> {
  const book = data.book;
  const rev = repo.nextRev();
  const gained = new Set<string>();
  const lost = new Set<string>();
  let added = 0;
  let replaced = 0;
  let lastDay = NaN;
  let size = book.size;
  for (const o of orders) {
    const platform = book.platforms.id(o.platform);
    const row = book.rowOrNew(platform, o.orderId);
    if (row < size) {
      lost.add(book.segmentOf(row));
      replaced++;
    } else {
      size++;
      added++;
    }
    book.writeRow(row, o, rev);
    // Files arrive mostly in time order: look the month up only when the day changes.
    const day = book.day.data[row];
    if (day !== lastDay || day === NO_DAY) {
      lastDay = day;
      gained.add(book.segmentOf(row));
    }
  }
  data.refresh();
  if (opts.save === false) repo.markUnsaved(gained, lost);
  else await repo.saveMonths(gained, lost);
  return { added, replaced };
}

export interface SeriesRow {
  day: Day;
  channel: string;
  value: number;
}

/** Visitors (UV) or ad spend per day and channel; a row for the same day and channel replaces the old value. */
export async function applySeries(data: StoreData, repo: OrderStore, which: 'traffic' | 'spend', rows: Iterable<SeriesRow>): Promise<AppliedOrders> {
  let added = 0;
  let replaced = 0;
  for (const r of rows) data[which].set(r.day, r.channel, r.value) ? replaced++ : added++;
  await repo.saveSeries(which);
  return { added, replaced };
}
