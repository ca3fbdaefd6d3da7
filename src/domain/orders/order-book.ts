import type { Calendar, Day } from '../calendar.ts';
import { Column, Interner } from './columns.ts';
import { STATUS_CODE, STATUS_NAME, orderKey, type Order } from './order.ts';

export const NO_DAY = -2147483648;

/**
 * Every order the store knows, column by column. One row per order identity
 * (platform + order id): importing an order again overwrites its row, so
 * nothing is ever counted twice.
 */
export class OrderBook {
  readonly keys: string[] = [];
  // Key → row, built on first use: answering questions never needs it, and a
  // million keys cost a second and ~50 MB to hash at start.
  private rowOfMap?: Map<string, number>;
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
    return this.keys.length;
  }

  private get rowOf(): Map<string, number> {
    if (!this.rowOfMap) {
      this.rowOfMap = new Map();
      for (let i = 0; i < this.keys.length; i++) this.rowOfMap.set(this.keys[i], i);
    }
    return this.rowOfMap;
  }

  rowFor(platform: string, orderId: string): number | undefined {
    return this.rowOf.get(orderKey(platform, orderId));
  }

  rowForKey(key: string): number | undefined {
    return this.rowOf.get(key);
  }

  /** Inserts or replaces an order; returns true when it replaced an existing one. */
  upsert(o: Order, rev: number): boolean {
    const before = this.size;
    const row = this.claimRow(orderKey(o.platform, o.orderId), rev);
    if (row !== undefined) this.write(row, o, rev);
    return this.size === before;
  }

  /**
   * The row to write an order with this key and revision into: a new row, or the
   * existing one when this revision is not older. Undefined when a newer version
   * is already here (e.g. an order recovered from two segments after a crash).
   */
  claimRow(key: string, rev: number): number | undefined {
    const row = this.rowOf.get(key);
    if (row === undefined) return this.appendRow(key);
    return this.rev.data[row] > rev ? undefined : row;
  }

  /** A new row for a key known not to be in the book (loading segments saved without a crash). */
  appendRow(key: string): number {
    const row = this.keys.length;
    this.keys.push(key);
    this.rowOfMap?.set(key, row);
    if (row >= this.capacity) this.grow(row + 1);
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
    const [platform, ...rest] = this.keys[row].split(':');
    const paid = this.paid.data[row];
    const coupon = this.coupon.data[row];
    const start = this.lineStart.data[row];
    const lines = [];
    for (let i = 0; i < this.lineCount.data[row]; i++) {
      lines.push({ sku: this.skus.names[this.lineSku.data[start + i]], qty: this.lineQty.data[start + i], amount: this.lineAmount.data[start + i] });
    }
    const cust = this.customer.data[row];
    return {
      platform,
      orderId: rest.join(':'),
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
