import type { DamagedDocument } from '../damaged-document.ts';

// The port through which orders reach the disk (or a database): the book in memory
// (order-book.ts) is the domain's; how months are written and committed is the store's.
// OrderRepository (src/adapters/store/orders/) implements it on files.

/** Where the orders stand after load: what an interrupted save left, and what could not be read. */
export interface OrdersState {
  /** One line on what start-up rolled back or forward, if anything. */
  recovery?: string;
  /** Month documents that were damaged: those months' orders are missing from the figures. */
  missingMonths: { month: string; damage: DamagedDocument }[];
  /** Set when the manifest or the customer list is damaged: no orders loaded, and saving is refused. */
  blocked?: DamagedDocument;
}

export interface OrderStore {
  readonly state: OrdersState;
  /** The highest revision stored: each import stamps its rows with the next one. */
  readonly rev: number;
  /** True while some months changed in memory and are not committed yet. */
  readonly unsaved: boolean;
  /** Fills the book from what is stored; `afterMonth` runs after each month is copied in. */
  load(opts?: { afterMonth?: () => void }): Promise<void>;
  /** The revision stamped on the rows an import writes. */
  nextRev(): number;
  /** Months changed in memory, to be committed by the next save (for a caller whose own journal holds the orders). */
  markUnsaved(gained: Set<string>, lost: Set<string>): void;
  /** Commits the changed months whole: a crash leaves the before or the after. */
  saveMonths(gained: Set<string>, lost: Set<string>, opts?: { rewriteCustomers?: boolean; pause?: () => Promise<void> }): Promise<void>;
  saveSeries(which: 'traffic' | 'spend'): Promise<void>;
}
