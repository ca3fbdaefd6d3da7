import type { Calendar } from './calendar.ts';
import { BuyerCounter, forEachOrder } from './metrics/scan.ts';
import { OrderBook } from './orders/order-book.ts';
import { Rollups } from './orders/rollups.ts';
import type { Period } from './periods.ts';
import { DailySeries } from './series.ts';

/** The store's figures held in memory: orders, their rollups, visitors and ad spend. */
export class StoreData {
  readonly book: OrderBook;
  rollups: Rollups;
  traffic = new DailySeries();
  spend = new DailySeries();
  readonly buyerCounter = new BuyerCounter();

  constructor(readonly calendar: Calendar) {
    this.book = new OrderBook(calendar);
    this.rollups = Rollups.build(this.book);
  }

  /** Call after orders change, so queries see them. */
  refresh(): void {
    this.rollups = Rollups.build(this.book);
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
