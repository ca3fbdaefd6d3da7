import type { Calendar } from './calendar.ts';
import { BuyerCounter, forEachOrder } from './metrics/scan.ts';
import { OrderBook } from './orders/order-book.ts';
import { Rollups } from './orders/rollups.ts';
import type { Period } from './periods.ts';
import { DailySeries } from './series.ts';

/** The store's figures held in memory: orders, their rollups, visitors and ad spend. */
export class StoreData {
  readonly book: OrderBook;
  private built: Rollups;
  /** Set when orders changed since the rollups were built: the next query rebuilds them. */
  private stale = false;
  traffic = new DailySeries();
  spend = new DailySeries();
  readonly buyerCounter = new BuyerCounter();

  constructor(readonly calendar: Calendar) {
    this.book = new OrderBook(calendar);
    this.built = Rollups.build(this.book);
  }

  /**
   * What the metric queries read, rebuilt from the book on first use after a change. Live
   * ingest changes the book several times a second; rebuilding per batch would block answers
   * to webhooks and chats for tens of milliseconds each time, while nobody asked in between.
   */
  get rollups(): Rollups {
    if (this.stale) {
      this.built = Rollups.build(this.book);
      this.stale = false;
    }
    return this.built;
  }

  /** Call after orders change, so queries see them. */
  refresh(): void {
    this.stale = true;
  }

  forEachOrder(p: Period, fn: (row: number) => void): void {
    forEachOrder(this.book, this.rollups, p, fn);
  }

  /** Channels with orders, visitors or spend, in a stable order. */
  channelNames(): string[] {
    const names = new Set([...this.book.channels.names, ...this.traffic.channels(), ...this.spend.channels()]);
    return [...names].sort();
  }
}
