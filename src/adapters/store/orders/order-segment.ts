import { NO_DAY, type OrderBook } from '../../../domain/orders/order-book.ts';

// One month of orders as stored on disk (format 3). Strings (order ids and the
// month's own dictionaries of platforms, channels, SKUs and coupons) stay JSON;
// customers are ids into the store-wide customer list (CustomerList, saved before
// the months); number columns are typed arrays in base64 (little-endian, as on
// every platform Node runs on), so a million orders parse in a fraction of a
// second instead of tens of millions of JSON numbers. Each order keeps the import
// revision that wrote it: if a crash leaves an order in two months, the newer one
// wins on load. Format 2 (read, never written) kept `platform:id` keys instead of
// platform + id, which cost a million new strings on every save and load.

type ColName = 'channel' | 'status' | 'customer' | 'coupon' | 'rev' | 'lines' | 'created' | 'paid' | 'amount' | 'refunded' | 'sku' | 'qty' | 'lineAmount';

export interface OrderSegmentV2 {
  v: 2;
  key: string[];
  channels: string[];
  skus: string[];
  coupons: string[];
  /** base64 typed arrays: Uint8 channel, status; Int32 customer (store-wide id), coupon (-1 none), rev, sku, qty; Uint16 lines; Float64 created, paid (NaN unpaid), amount, refunded, lineAmount. */
  cols: Record<ColName, string>;
}

export interface OrderSegmentV3 {
  v: 3;
  /** Order id of each order; its platform is `platforms[cols.platform[i]]`. */
  ids: string[];
  platforms: string[];
  channels: string[];
  skus: string[];
  coupons: string[];
  /** As in format 2, plus Uint8 platform. */
  cols: Record<ColName | 'platform', string>;
}

type Typed = Uint8Array | Uint16Array | Int32Array | Float64Array;
/**
 * A typed-array column as it is saved: JSON.stringify gives its base64 string;
 * a document store that writes piecewise can ask for that JSON in pieces
 * (`toJSONPieces`), so a month never exists as large base64 strings that
 * linger as garbage. Its bytes are SegmentScratch memory: write it before the next encode.
 */
export class Base64Column {
  constructor(private readonly bytes: Uint8Array) {}
  toJSON(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('base64');
  }
  *toJSONPieces(): Generator<string> {
    yield '"';
    const b = this.bytes;
    // Multiples of 3 bytes encode without padding, so the pieces join into the whole encoding.
    for (let at = 0; at < b.length; at += 49_152) yield Buffer.from(b.buffer, b.byteOffset + at, Math.min(49_152, b.length - at)).toString('base64');
    yield '"';
  }
}

const b64 = (a: Typed) => new Base64Column(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

/** A month as encodeSegment makes it for saving: format 3 with its columns still to be turned into base64. */
export type EncodedSegment = Omit<OrderSegmentV3, 'cols'> & { cols: Record<keyof OrderSegmentV3['cols'], Base64Column> };

type ViewCtor<T extends Typed> = { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number };

/**
 * Decodes a segment's base64 columns into one reused buffer: loading a dozen
 * months would otherwise leave ~100 MB of decoded buffers for the collector,
 * which V8 lets pile up before collecting off-heap memory. The views are valid
 * until the next reset (they are copied into the book right away).
 */
class DecodeScratch {
  private buf = Buffer.alloc(0);
  private at = 0;
  reset(cols: Record<string, string>): void {
    let need = 0;
    for (const text of Object.values(cols)) need += Math.ceil((text.length * 3) / 4) + 8;
    if (this.buf.length < need) this.buf = Buffer.allocUnsafeSlow(Math.max(need, Math.ceil(this.buf.length * 1.5)));
    this.at = 0;
  }
  take<T extends Typed>(text: string, Ctor: ViewCtor<T>): T {
    const n = this.buf.write(text, this.at, 'base64');
    const view = new Ctor(this.buf.buffer as ArrayBuffer, this.buf.byteOffset + this.at, Math.floor(n / Ctor.BYTES_PER_ELEMENT));
    this.at += Math.ceil(n / 8) * 8; // keep every view 8-byte aligned
    return view;
  }
}

const decodeScratch = new DecodeScratch();

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

/** Reusable memory for encodeSegment's columns, so saving a dozen months allocates them once. */
export class SegmentScratch {
  private buf = new ArrayBuffer(0);
  private at = 0;
  /** Bytes the columns of `orders` orders with `lines` lines take. */
  static bytes(orders: number, lines: number): number {
    return orders * 49 + lines * 16;
  }
  reset(bytes: number): void {
    // With headroom: months mostly grow one after another, and each new buffer is garbage to collect.
    if (this.buf.byteLength < bytes) this.buf = new ArrayBuffer(Math.max(bytes, Math.ceil(this.buf.byteLength * 1.5)));
    this.at = 0;
  }
  take<T extends Typed>(Ctor: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number }, n: number): T {
    const a = new Ctor(this.buf, this.at, n);
    this.at += n * Ctor.BYTES_PER_ELEMENT;
    return a;
  }
}

/** Encodes the given rows of the book (one month) as a segment. */
export function encodeSegment(book: OrderBook, rows: ArrayLike<number>, scratch = new SegmentScratch()): EncodedSegment {
  const n = rows.length;
  const platforms = dict(book.platforms.names);
  const channels = dict(book.channels.names);
  const skus = dict(book.skus.names);
  const coupons = dict(book.coupons.names);
  const ids: string[] = new Array(n);
  let lineTotal = 0;
  for (let i = 0; i < n; i++) lineTotal += book.lineCount.data[rows[i]];
  // Widest elements first, so every view starts aligned.
  scratch.reset(SegmentScratch.bytes(n, lineTotal));
  const created = scratch.take(Float64Array, n), paid = scratch.take(Float64Array, n), amount = scratch.take(Float64Array, n), refunded = scratch.take(Float64Array, n);
  const lineAmount = scratch.take(Float64Array, lineTotal);
  const customer = scratch.take(Int32Array, n), coupon = scratch.take(Int32Array, n), rev = scratch.take(Int32Array, n);
  const sku = scratch.take(Int32Array, lineTotal), qty = scratch.take(Int32Array, lineTotal);
  const lines = scratch.take(Uint16Array, n);
  const platform = scratch.take(Uint8Array, n), channel = scratch.take(Uint8Array, n), status = scratch.take(Uint8Array, n);
  let li = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    ids[i] = book.ids[row];
    platform[i] = platforms.id(book.platform.data[row]);
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
    v: 3,
    ids,
    platforms: platforms.names,
    channels: channels.names,
    skus: skus.names,
    coupons: coupons.names,
    cols: { platform: b64(platform), channel: b64(channel), status: b64(status), customer: b64(customer), coupon: b64(coupon), rev: b64(rev), lines: b64(lines), created: b64(created), paid: b64(paid), amount: b64(amount), refunded: b64(refunded), sku: b64(sku), qty: b64(qty), lineAmount: b64(lineAmount) },
  };
}

/**
 * Writes a segment's orders straight into the book's columns; returns the highest
 * revision seen. With `dedupe` (after an interrupted save) an order already in the
 * book is kept or replaced by revision; without, every order is taken as new.
 */
export function decodeSegment(book: OrderBook, seg: OrderSegmentV2 | OrderSegmentV3, dedupe: boolean): number {
  const c = seg.cols;
  decodeScratch.reset(c);
  const unb64 = <T extends Typed>(text: string, Ctor: ViewCtor<T>) => decodeScratch.take(text, Ctor);
  const { ids, platform } = orderIds(book, seg);
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
  let maxRev = 0;
  let li = 0;
  for (let i = 0; i < ids.length; i++) {
    const count = lines[i];
    if (rev[i] > maxRev) maxRev = rev[i];
    const orderId = ids[i];
    const row = dedupe ? book.claimIn(platform[i], orderId, rev[i]) : book.appendIn(platform[i], orderId);
    if (row === undefined) {
      li += count;
      continue;
    }
    book.channel.data[row] = chId[channel[i]];
    const cust = customer[i];
    if (!(cust >= 0 && cust < customers)) throw new Error(`order ${orderId} refers to customer #${cust}, missing from the customer list`);
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

/** The segment's order ids and, for each, its platform as a book platform id. */
function orderIds(book: OrderBook, seg: OrderSegmentV2 | OrderSegmentV3): { ids: string[]; platform: Uint8Array } {
  if (seg.v === 3) {
    const platform = decodeScratch.take(seg.cols.platform, Uint8Array);
    const platId = seg.platforms.map((n) => book.platforms.id(n));
    for (let i = 0; i < platform.length; i++) platform[i] = platId[platform[i]];
    return { ids: seg.ids, platform };
  }
  const ids: string[] = new Array(seg.key.length);
  const platform = new Uint8Array(seg.key.length);
  let lastPlatform = '\u0000';
  let platformId = 0;
  for (let i = 0; i < ids.length; i++) {
    const key = seg.key[i];
    // Keys of a month nearly always share one platform: compare in place instead of slicing.
    if (!(key.charCodeAt(lastPlatform.length) === 58 && key.startsWith(lastPlatform))) {
      lastPlatform = key.slice(0, key.indexOf(':'));
      platformId = book.platforms.id(lastPlatform);
    }
    ids[i] = key.slice(lastPlatform.length + 1);
    platform[i] = platformId;
  }
  return { ids, platform };
}

const b64Bytes = (s: string) => Math.floor((s.length * 3) / 4) - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);
const WIDTH: Record<ColName | 'platform', number> = { platform: 1, channel: 1, status: 1, lines: 2, customer: 4, coupon: 4, rev: 4, created: 8, paid: 8, amount: 8, refunded: 8, sku: -4, qty: -4, lineAmount: -8 };

/**
 * What keeps a parsed month document from being read (wrong format, missing or short
 * columns), checked before any of it reaches the book, so a damaged month is skipped whole.
 * `lines` widths are negative: those columns hold one entry per order line, not per order.
 */
export function segmentProblem(seg: unknown): string | undefined {
  const s = seg as Record<string, unknown>;
  const v = s?.v;
  const isList = (k: string) => Array.isArray(s[k]);
  if (v === 1) {
    const n = isList('key') ? (s.key as unknown[]).length : -1;
    for (const k of ['key', 'channel', 'customer', 'created', 'paid', 'status', 'amount', 'refunded', 'coupon', 'rev', 'lines']) if (!isList(k) || (s[k] as unknown[]).length !== n) return `format 1 column "${k}" is missing or not ${n} long`;
    return undefined;
  }
  if (v !== 2 && v !== 3) return `not an order month (format ${JSON.stringify(v) ?? 'missing'})`;
  const idKey = v === 3 ? 'ids' : 'key';
  for (const k of [idKey, 'channels', 'skus', 'coupons', ...(v === 3 ? ['platforms'] : [])]) if (!isList(k)) return `list "${k}" is missing`;
  const cols = s.cols as Record<string, unknown> | undefined;
  if (cols === null || typeof cols !== 'object') return 'its columns are missing';
  const n = (s[idKey] as unknown[]).length;
  const lineAmount = cols.lineAmount;
  const lines = typeof lineAmount === 'string' ? b64Bytes(lineAmount) / 8 : NaN;
  for (const [k, w] of Object.entries(WIDTH)) {
    if (k === 'platform' && v === 2) continue;
    const col = cols[k];
    const want = w > 0 ? n * w : lines * -w;
    if (typeof col !== 'string' || b64Bytes(col) !== want) return `column "${k}" is missing or not ${Number.isInteger(want) ? want : '?'} bytes long`;
  }
  return undefined;
}
