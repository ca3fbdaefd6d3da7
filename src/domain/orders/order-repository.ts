import type { DocStore } from '../ports.ts';
import type { StoreData } from '../store-data.ts';
import { STATUS_NAME } from './order.ts';
import { decodeSegment, encodeSegment, SegmentScratch, type EncodedSegment, type OrderSegmentV2, type OrderSegmentV3 } from './order-segment.ts';

// Orders are kept on disk one document per month (of payment, else of creation),
// column by column (format in order-segment.ts), so an import rewrites only the
// months it touched and a million orders load in about a second. Each order
// carries the import revision that wrote it: if a crash leaves an order in two
// months, the newer one wins.

/** Format 1, written before formats 2 and 3; still read, rewritten as format 3 when its month next changes. */
export interface OrderSegment {
  v: 1;
  key: string[];
  channel: string[];
  customer: string[];
  created: number[];
  paid: (number | null)[];
  status: number[];
  amount: number[];
  refunded: number[];
  coupon: (string | null)[];
  rev: number[];
  lines: number[];
  sku: string[];
  qty: number[];
  lineAmount: number[];
  phones: Record<string, string>;
}

const emptySegment = (): OrderSegment | OrderSegmentV2 | OrderSegmentV3 => ({ v: 1, key: [], channel: [], customer: [], created: [], paid: [], status: [], amount: [], refunded: [], coupon: [], rev: [], lines: [], sku: [], qty: [], lineAmount: [], phones: {} });

/**
 * Every customer name in id order (ids never change: new customers are appended),
 * their phone numbers, and how many orders and lines the months hold, so loading
 * can size the columns once. Written before the months that refer to it.
 */
export interface CustomerList {
  names: string[];
  phones: [number, string][];
  orders: number;
  lines: number;
}

const CUSTOMERS = 'order-customers';
/** Present while months are being rewritten: if the process dies, the next load knows orders may be duplicated. */
const SAVING = 'orders-saving';

export class OrderRepository {
  rev = 0;
  private savedCustomers = 0;
  constructor(private readonly docs: DocStore, private readonly data: StoreData) {}

  /** `afterMonth` runs after each month document is copied in (the app uses it to collect the parsed document). */
  async load(opts: { afterMonth?: () => void } = {}): Promise<void> {
    const book = this.data.book;
    const list = await this.docs.open<CustomerList>(CUSTOMERS, { names: [], phones: [], orders: 0, lines: 0 });
    book.customers.adopt(list.data.names);
    for (const [id, phone] of list.data.phones) book.phones.set(id, phone);
    book.reserve(list.data.orders, list.data.lines);
    this.savedCustomers = book.customers.size;
    list.data = { names: [], phones: [], orders: 0, lines: 0 };
    // Only after an interrupted save can an order sit in two months; otherwise skip the lookups.
    const interrupted = (await this.docs.list(SAVING)).includes(SAVING);
    for (const name of await this.docs.list('orders/')) {
      const doc = await this.docs.open<OrderSegment | OrderSegmentV2 | OrderSegmentV3>(name, emptySegment());
      const seg = doc.data;
      const rev = seg.v === 1 ? loadV1(this.data, seg) : decodeSegment(book, seg, interrupted);
      if (rev > this.rev) this.rev = rev;
      // Segments are read once at start; drop the parsed copy so memory holds only the columns.
      doc.data = emptySegment();
      opts.afterMonth?.();
    }
    const traffic = await this.docs.open<{ rows: [number, string, number][] }>('traffic', { rows: [] });
    const spend = await this.docs.open<{ rows: [number, string, number][] }>('spend', { rows: [] });
    for (const [d, ch, v] of traffic.data.rows) this.data.traffic.set(d, ch, v);
    for (const [d, ch, v] of spend.data.rows) this.data.spend.set(d, ch, v);
    this.data.refresh();
  }

  nextRev(): number {
    return ++this.rev;
  }

  /**
   * Rewrites the given months from memory. Months that gained orders are written
   * before months that lost them, so a crash in between can duplicate an order
   * (resolved by revision on load) but never lose one.
   */
  async saveMonths(gained: Set<string>, lost: Set<string>): Promise<void> {
    const book = this.data.book;
    const months = [...gained, ...[...lost].filter((m) => !gained.has(m))];
    if (months.length === 0) return;
    await this.saveCustomers();
    const marker = await this.docs.open<{ months: string[] }>(SAVING, { months: [] });
    marker.data = { months };
    await marker.write();
    // Rows grouped by month in one typed array (a counting sort), not a million-element array per month.
    const monthIndex = new Map(months.map((m, i) => [m, i]));
    const monthOf = new Int32Array(book.size);
    const start = new Int32Array(months.length + 1);
    const lines = new Float64Array(months.length);
    for (let row = 0; row < book.size; row++) {
      const i = monthIndex.get(book.segmentOf(row)) ?? -1;
      monthOf[row] = i;
      if (i >= 0) {
        start[i + 1]++;
        lines[i] += book.lineCount.data[row];
      }
    }
    // Column memory for the largest month, once.
    const scratch = new SegmentScratch();
    scratch.reset(Math.max(0, ...months.map((_, i) => SegmentScratch.bytes(start[i + 1], lines[i]))));
    for (let i = 0; i < months.length; i++) start[i + 1] += start[i];
    const sorted = new Int32Array(start[months.length]);
    const fill = start.slice();
    for (let row = 0; row < book.size; row++) if (monthOf[row] >= 0) sorted[fill[monthOf[row]]++] = row;
    for (const [i, m] of months.entries()) {
      const rows = sorted.subarray(start[i], start[i + 1]);
      if (rows.length === 0) {
        await this.docs.remove(`orders/${m}`);
        continue;
      }
      const doc = await this.docs.open<OrderSegment | OrderSegmentV2 | OrderSegmentV3 | EncodedSegment>(`orders/${m}`, emptySegment());
      doc.data = encodeSegment(book, rows, scratch);
      await doc.write();
      doc.data = emptySegment();
    }
    await this.docs.remove(SAVING);
  }

  /** Rewrites the customer list when customers or phone numbers were added since it was last written. */
  private async saveCustomers(): Promise<void> {
    const book = this.data.book;
    if (book.customers.size === this.savedCustomers && !book.phonesChanged) return;
    const doc = await this.docs.open<CustomerList>(CUSTOMERS, { names: [], phones: [], orders: 0, lines: 0 });
    doc.data = { names: book.customers.names, phones: [...book.phones], orders: book.size, lines: book.lines };
    await doc.write();
    doc.data = { names: [], phones: [], orders: 0, lines: 0 };
    this.savedCustomers = book.customers.size;
    book.phonesChanged = false;
  }

  async saveSeries(which: 'traffic' | 'spend'): Promise<void> {
    const doc = await this.docs.open<{ rows: [number, string, number][] }>(which, { rows: [] });
    doc.data = { rows: this.data[which].toRows() };
    await doc.write();
  }
}

function loadV1(data: StoreData, seg: OrderSegment): number {
  let maxRev = 0;
  let li = 0;
  for (let i = 0; i < seg.key.length; i++) {
    const colon = seg.key[i].indexOf(':');
    const n = seg.lines[i];
    const lines = [];
    for (let j = 0; j < n; j++, li++) lines.push({ sku: seg.sku[li], qty: seg.qty[li], amount: seg.lineAmount[li] });
    const paid = seg.paid[i];
    const coupon = seg.coupon[i];
    const customer = seg.customer[i];
    data.book.upsert(
      {
        platform: seg.key[i].slice(0, colon),
        orderId: seg.key[i].slice(colon + 1),
        channel: seg.channel[i],
        customer,
        createdAt: seg.created[i],
        ...(paid === null ? {} : { paidAt: paid }),
        status: STATUS_NAME[seg.status[i]],
        amount: seg.amount[i],
        refunded: seg.refunded[i],
        ...(coupon === null ? {} : { couponCode: coupon }),
        ...(Object.hasOwn(seg.phones, customer) ? { phone: seg.phones[customer] } : {}),
        lines,
      },
      seg.rev[i],
    );
    if (seg.rev[i] > maxRev) maxRev = seg.rev[i];
  }
  return maxRev;
}
