import type { Calendar, Day } from '../calendar.ts';
import { Column, Interner } from './columns.ts';
import { StringIndex } from './string-index.ts';
import { STATUS_CODE, STATUS_NAME, orderKey, type Order } from './order.ts';

export const NO_DAY = -2147483648;

/**
 * Every order the store knows, column by column. One row per order identity
 * (platform + order id): importing an order again overwrites its row, so
 * nothing is ever counted twice.
 */
export class OrderBook {
  /** Order id of each row (its platform is in the platform column). */
  readonly ids: string[] = [];
  // Per platform, order id → row; built on first use: answering questions never
  // needs it (a million ids take ~0.2 s and 16 MB to index). Keyed by the bare
  // order id, so an import never builds `platform:id` strings.
  private rowMaps?: StringIndex[];
  readonly customers = new Interner();
  readonly channels = new Interner();
  readonly skus = new Interner();
  readonly coupons = new Interner();
  readonly platforms = new Interner();

  readonly customer = new Column(Int32Array);
  readonly channel = new Column(Uint8Array);
  readonly platform = new Column(Uint8Array);
  readonly created = new Column(Float64Array);
  readonly paid = new Column(Float64Array);
  /** Store day the order was paid, NO_DAY when never paid. */
  readonly day = new Column(Int32Array);
  readonly status = new Column(Uint8Array);
  readonly amount = new Column(Float64Array);
  readonly refunded = new Column(Float64Array);
  readonly coupon = new Column(Int32Array);
  readonly rev = new Column(Int32Array);
  readonly lineStart = new Column(Int32Array);
  readonly lineCount = new Column(Uint16Array);

  readonly lineSku = new Column(Int32Array);
  readonly lineQty = new Column(Int32Array);
  readonly lineAmount = new Column(Float64Array);
  lines = 0;
  /** Phone numbers seen on orders, by customer id: used to find and link members. */
  readonly phones = new Map<number, string>();
  /** Set when a phone number was added or changed since the repository last saved the customers. */
  phonesChanged = false;

  constructor(readonly calendar: Calendar) {}

  get size(): number {
    return this.ids.length;
  }

  /** The order's identity, `platform:orderId` (see orderKey). */
  keyOf(row: number): string {
    return orderKey(this.platforms.names[this.platform.data[row]], this.ids[row]);
  }

  private mapOf(platformId: number): StringIndex {
    if (!this.rowMaps) {
      this.rowMaps = [];
      for (let i = 0; i < this.ids.length; i++) this.indexOf(this.platform.data[i]).add(this.ids[i], i);
    }
    return this.indexOf(platformId);
  }

  private indexOf(platformId: number): StringIndex {
    const ids = this.ids;
    return (this.rowMaps![platformId] ??= new StringIndex((row) => ids[row]));
  }

  rowFor(platform: string, orderId: string): number | undefined {
    const p = this.platforms.find(platform);
    return p === undefined ? undefined : this.rowIn(p, orderId);
  }

  rowForKey(key: string): number | undefined {
    const colon = key.indexOf(':');
    return colon < 0 ? undefined : this.rowFor(key.slice(0, colon), key.slice(colon + 1));
  }

  /** The row of an order by platform id (from `platforms`) and order id. */
  rowIn(platformId: number, orderId: string): number | undefined {
    const row = this.mapOf(platformId).get(orderId);
    return row < 0 ? undefined : row;
  }

  /** Inserts or replaces an order; returns true when it replaced an existing one. */
  upsert(o: Order, rev: number): boolean {
    const before = this.size;
    const p = this.platforms.id(o.platform);
    const row = this.claimIn(p, o.orderId, rev);
    if (row !== undefined) this.write(row, o, rev);
    return this.size === before;
  }

  /** claimIn for a `platform:orderId` key. */
  claimRow(key: string, rev: number): number | undefined {
    const colon = key.indexOf(':');
    return this.claimIn(this.platforms.id(key.slice(0, colon)), key.slice(colon + 1), rev);
  }

  /**
   * The row to write an order with this identity and revision into: a new row, or
   * the existing one when this revision is not older. Undefined when a newer
   * version is already here (e.g. an order recovered from two segments after a crash).
   */
  claimIn(platformId: number, orderId: string, rev: number): number | undefined {
    const row = this.rowIn(platformId, orderId);
    if (row === undefined) return this.appendIn(platformId, orderId);
    return this.rev.data[row] > rev ? undefined : row;
  }

  /** appendIn for a `platform:orderId` key. */
  appendRow(key: string): number {
    const colon = key.indexOf(':');
    return this.appendIn(this.platforms.id(key.slice(0, colon)), key.slice(colon + 1));
  }

  /** The row of an order, a new one when it is not in the book yet (one probe for both). */
  rowOrNew(platformId: number, orderId: string): number {
    const next = this.ids.length;
    const row = this.mapOf(platformId).add(orderId, next);
    if (row === next) {
      this.ids.push(orderId);
      if (row >= this.capacity) this.grow(row + 1);
      this.platform.data[row] = platformId;
    }
    return row;
  }

  /** A new row for an order known not to be in the book (loading segments saved without a crash). */
  appendIn(platformId: number, orderId: string): number {
    const row = this.ids.length;
    this.ids.push(orderId);
    if (this.rowMaps) this.indexOf(platformId).add(orderId, row);
    if (row >= this.capacity) this.grow(row + 1);
    this.platform.data[row] = platformId;
    return row;
  }

  /** Writes an order into a row found with rowForKey or made with appendRow. */
  writeRow(row: number, o: Order, rev: number): void {
    this.write(row, o, rev);
  }

  private capacity = 0;
  private grow(n: number): void {
    for (const c of [this.customer, this.channel, this.platform, this.created, this.paid, this.day, this.status, this.amount, this.refunded, this.coupon, this.rev, this.lineStart, this.lineCount]) c.ensure(n);
    this.capacity = this.customer.data.length;
  }

  /** Makes room for `orders` orders and `lines` lines at once (e.g. before loading), sparing the growth copies. */
  reserve(orders: number, lines: number): void {
    if (orders > this.capacity) this.grow(orders);
    this.lineSku.ensure(lines);
    this.lineQty.ensure(lines);
    this.lineAmount.ensure(lines);
  }

  /** Room for `n` more order lines; returns where they start. */
  reserveLines(n: number): number {
    const start = this.lines;
    this.lines += n;
    if (this.lines > this.lineSku.data.length) {
      this.lineSku.ensure(this.lines);
      this.lineQty.ensure(this.lines);
      this.lineAmount.ensure(this.lines);
    }
    return start;
  }

  private write(row: number, o: Order, rev: number): void {
    const cust = this.customers.id(o.customer);
    this.customer.data[row] = cust;
    this.channel.data[row] = this.channels.id(o.channel);
    this.platform.data[row] = this.platforms.id(o.platform);
    this.created.data[row] = o.createdAt;
    const paid = o.status === 'unpaid' || o.paidAt === undefined ? NaN : o.paidAt;
    this.paid.data[row] = paid;
    this.day.data[row] = Number.isNaN(paid) ? NO_DAY : this.calendar.dayOf(paid);
    this.status.data[row] = STATUS_CODE[o.status];
    this.amount.data[row] = o.amount;
    this.refunded.data[row] = o.refunded;
    this.coupon.data[row] = o.couponCode ? this.coupons.id(o.couponCode.toUpperCase()) : -1;
    this.rev.data[row] = rev;
    if (o.phone && this.phones.get(cust) !== o.phone) {
      this.phones.set(cust, o.phone);
      this.phonesChanged = true;
    }
    // Lines are appended; replaced lines become garbage dropped at the next save/load.
    const n = o.lines.length;
    const start = this.reserveLines(n);
    for (let i = 0; i < n; i++) {
      const l = o.lines[i];
      this.lineSku.data[start + i] = this.skus.id(l.sku);
      this.lineQty.data[start + i] = l.qty;
      this.lineAmount.data[start + i] = l.amount;
    }
    this.lineStart.data[row] = start;
    this.lineCount.data[row] = n;
  }

  /** Rebuilds the order at a row (for saving and for showing one order). */
  order(row: number): Order {
    const paid = this.paid.data[row];
    const coupon = this.coupon.data[row];
    const start = this.lineStart.data[row];
    const lines = [];
    for (let i = 0; i < this.lineCount.data[row]; i++) {
      lines.push({ sku: this.skus.names[this.lineSku.data[start + i]], qty: this.lineQty.data[start + i], amount: this.lineAmount.data[start + i] });
    }
    const cust = this.customer.data[row];
    return {
      platform: this.platforms.names[this.platform.data[row]],
      orderId: this.ids[row],
      channel: this.channels.names[this.channel.data[row]],
      customer: this.customers.names[cust],
      createdAt: this.created.data[row],
      ...(Number.isNaN(paid) ? {} : { paidAt: paid }),
      status: STATUS_NAME[this.status.data[row]],
      amount: this.amount.data[row],
      refunded: this.refunded.data[row],
      ...(coupon >= 0 ? { couponCode: this.coupons.names[coupon] } : {}),
      ...(this.phones.has(cust) ? { phone: this.phones.get(cust) } : {}),
      lines,
    };
  }

  /** Whether a row is a paid order that counts toward GMV. */
  counts(row: number): boolean {
    return this.status.data[row] === 0 && this.day.data[row] !== NO_DAY;
  }

  /** The month a row is kept under on disk: its payment month, else its creation month. */
  segmentOf(row: number): string {
    const day = this.day.data[row];
    return monthKey(day !== NO_DAY ? day : this.calendar.dayOf(this.created.data[row]));
  }
}

const monthKeys = new Map<Day, string>();

export function monthKey(day: Day): string {
  let key = monthKeys.get(day);
  if (key === undefined) {
    // civil() inline would cost an import cycle; format via Date on the UTC day number.
    const d = new Date(day * 86_400_000);
    key = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    monthKeys.set(day, key);
  }
  return key;
}
