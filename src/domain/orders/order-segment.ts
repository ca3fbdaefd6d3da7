import { NO_DAY, type OrderBook } from './order-book.ts';

// One month of orders as stored on disk (format 2). Strings (order keys and the
// month's own dictionaries of channels, SKUs and coupons) stay JSON; customers are
// ids into the store-wide customer list (CustomerList, saved before the months);
// number columns are typed arrays in base64 (little-endian, as on every platform
// Node runs on), so a million orders parse in a fraction of a second instead of
// tens of millions of JSON numbers. Each order keeps the import revision that
// wrote it: if a crash leaves an order in two months, the newer one wins on load.

export interface OrderSegmentV2 {
  v: 2;
  key: string[];
  channels: string[];
  skus: string[];
  coupons: string[];
  /** base64 typed arrays: Uint8 channel, status; Int32 customer (store-wide id), coupon (-1 none), rev, sku, qty; Uint16 lines; Float64 created, paid (NaN unpaid), amount, refunded, lineAmount. */
  cols: Record<'channel' | 'status' | 'customer' | 'coupon' | 'rev' | 'lines' | 'created' | 'paid' | 'amount' | 'refunded' | 'sku' | 'qty' | 'lineAmount', string>;
}

type Typed = Uint8Array | Uint16Array | Int32Array | Float64Array;
const b64 = (a: Typed) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function unb64<T extends Typed>(text: string, Ctor: { new (buffer: ArrayBuffer, offset: number, length: number): T; new (n: number): T; BYTES_PER_ELEMENT: number }): T {
  const bytes = Buffer.from(text, 'base64');
  const n = bytes.byteLength / Ctor.BYTES_PER_ELEMENT;
  if (bytes.byteOffset % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset, n);
  // Small buffers come from Node's shared pool and may sit at an odd offset: copy those.
  const out = new Ctor(n);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** The segment's own dictionary over one of the book's interners: book id → local id, names in order of first use. */
function dict(names: string[]): { names: string[]; id: (bookId: number) => number } {
  const local = new Int32Array(names.length).fill(-1);
  const used: string[] = [];
  return {
    names: used,
    id(bookId) {
      let i = local[bookId];
      if (i < 0) i = local[bookId] = used.push(names[bookId]) - 1;
      return i;
    },
  };
}

/** Encodes the given rows of the book (one month) as a segment. */
export function encodeSegment(book: OrderBook, rows: ArrayLike<number>): OrderSegmentV2 {
  const n = rows.length;
  const channels = dict(book.channels.names);
  const skus = dict(book.skus.names);
  const coupons = dict(book.coupons.names);
  const key: string[] = new Array(n);
  const channel = new Uint8Array(n), status = new Uint8Array(n), lines = new Uint16Array(n);
  const customer = new Int32Array(n), coupon = new Int32Array(n), rev = new Int32Array(n);
  const created = new Float64Array(n), paid = new Float64Array(n), amount = new Float64Array(n), refunded = new Float64Array(n);
  let lineTotal = 0;
  for (let i = 0; i < n; i++) lineTotal += book.lineCount.data[rows[i]];
  const sku = new Int32Array(lineTotal), qty = new Int32Array(lineTotal), lineAmount = new Float64Array(lineTotal);
  let li = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    key[i] = book.keys[row];
    channel[i] = channels.id(book.channel.data[row]);
    customer[i] = book.customer.data[row];
    created[i] = book.created.data[row];
    paid[i] = book.paid.data[row];
    status[i] = book.status.data[row];
    amount[i] = book.amount.data[row];
    refunded[i] = book.refunded.data[row];
    const c = book.coupon.data[row];
    coupon[i] = c < 0 ? -1 : coupons.id(c);
    rev[i] = book.rev.data[row];
    const start = book.lineStart.data[row];
    const count = book.lineCount.data[row];
    lines[i] = count;
    for (let j = start; j < start + count; j++, li++) {
      sku[li] = skus.id(book.lineSku.data[j]);
      qty[li] = book.lineQty.data[j];
      lineAmount[li] = book.lineAmount.data[j];
    }
  }
  return {
    v: 2,
    key,
    channels: channels.names,
    skus: skus.names,
    coupons: coupons.names,
    cols: { channel: b64(channel), status: b64(status), customer: b64(customer), coupon: b64(coupon), rev: b64(rev), lines: b64(lines), created: b64(created), paid: b64(paid), amount: b64(amount), refunded: b64(refunded), sku: b64(sku), qty: b64(qty), lineAmount: b64(lineAmount) },
  };
}

/**
 * Writes a segment's orders straight into the book's columns; returns the highest
 * revision seen. With `dedupe` (after an interrupted save) an order already in the
 * book is kept or replaced by revision; without, every order is taken as new.
 */
export function decodeSegment(book: OrderBook, seg: OrderSegmentV2, dedupe: boolean): number {
  const c = seg.cols;
  const channel = unb64(c.channel, Uint8Array), status = unb64(c.status, Uint8Array), lines = unb64(c.lines, Uint16Array);
  const customer = unb64(c.customer, Int32Array), coupon = unb64(c.coupon, Int32Array), rev = unb64(c.rev, Int32Array);
  const created = unb64(c.created, Float64Array), paid = unb64(c.paid, Float64Array), amount = unb64(c.amount, Float64Array), refunded = unb64(c.refunded, Float64Array);
  const sku = unb64(c.sku, Int32Array), qty = unb64(c.qty, Int32Array), lineAmount = unb64(c.lineAmount, Float64Array);
  // Local dictionary ids → the book's ids.
  const chId = seg.channels.map((n) => book.channels.id(n));
  const customers = book.customers.size;
  const skuId = seg.skus.map((n) => book.skus.id(n));
  const couponId = seg.coupons.map((n) => book.coupons.id(n));
  const cal = book.calendar;
  let lastPlatform = '\u0000';
  let platformId = 0;
  let maxRev = 0;
  let li = 0;
  for (let i = 0; i < seg.key.length; i++) {
    const count = lines[i];
    if (rev[i] > maxRev) maxRev = rev[i];
    const row = dedupe ? book.claimRow(seg.key[i], rev[i]) : book.appendRow(seg.key[i]);
    if (row === undefined) {
      li += count;
      continue;
    }
    const key = seg.key[i];
    // Keys of a month nearly always share one platform: compare in place instead of slicing.
    if (!(key.charCodeAt(lastPlatform.length) === 58 && key.startsWith(lastPlatform))) {
      lastPlatform = key.slice(0, key.indexOf(':'));
      platformId = book.platforms.id(lastPlatform);
    }
    book.platform.data[row] = platformId;
    book.channel.data[row] = chId[channel[i]];
    const cust = customer[i];
    if (!(cust >= 0 && cust < customers)) throw new Error(`order ${key} refers to customer #${cust}, missing from the customer list`);
    book.customer.data[row] = cust;
    book.created.data[row] = created[i];
    book.paid.data[row] = paid[i];
    book.day.data[row] = Number.isNaN(paid[i]) ? NO_DAY : cal.dayOf(paid[i]);
    book.status.data[row] = status[i];
    book.amount.data[row] = amount[i];
    book.refunded.data[row] = refunded[i];
    book.coupon.data[row] = coupon[i] < 0 ? -1 : couponId[coupon[i]];
    book.rev.data[row] = rev[i];
    const start = book.reserveLines(count);
    for (let j = 0; j < count; j++, li++) {
      book.lineSku.data[start + j] = skuId[sku[li]];
      book.lineQty.data[start + j] = qty[li];
      book.lineAmount.data[start + j] = lineAmount[li];
    }
    book.lineStart.data[row] = start;
    book.lineCount.data[row] = count;
  }
  return maxRev;
}
