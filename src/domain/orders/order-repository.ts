import type { DocStore } from '../ports.ts';
import type { StoreData } from '../store-data.ts';
import { STATUS_NAME, type Order } from './order.ts';

// Orders are kept on disk one document per month (of payment, else of creation),
// column by column, so an import rewrites only the months it touched and a
// million orders load in about a second. Each order carries the import revision
// that wrote it: if a crash leaves an order in two months, the newer one wins.

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

const emptySegment = (): OrderSegment => ({ v: 1, key: [], channel: [], customer: [], created: [], paid: [], status: [], amount: [], refunded: [], coupon: [], rev: [], lines: [], sku: [], qty: [], lineAmount: [], phones: {} });

export interface FiguresMeta {
  rev: number;
}

export class OrderRepository {
  rev = 0;
  constructor(private readonly docs: DocStore, private readonly data: StoreData) {}

  async load(): Promise<void> {
    const book = this.data.book;
    for (const name of await this.docs.list('orders/')) {
      const seg = (await this.docs.open<OrderSegment>(name, emptySegment())).data;
      let li = 0;
      for (let i = 0; i < seg.key.length; i++) {
        const colon = seg.key[i].indexOf(':');
        const n = seg.lines[i];
        const lines = [];
        for (let j = 0; j < n; j++, li++) lines.push({ sku: seg.sku[li], qty: seg.qty[li], amount: seg.lineAmount[li] });
        const paid = seg.paid[i];
        const coupon = seg.coupon[i];
        const customer = seg.customer[i];
        book.upsert(
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
            ...(seg.phones[customer] ? { phone: seg.phones[customer] } : {}),
            lines,
          },
          seg.rev[i],
        );
        if (seg.rev[i] > this.rev) this.rev = seg.rev[i];
      }
      // Segments are read once at start; drop the parsed copy so memory holds only the columns.
      const doc = await this.docs.open<OrderSegment>(name, emptySegment());
      doc.data = emptySegment();
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
    const segs = new Map(months.map((m) => [m, emptySegment()]));
    for (let row = 0; row < book.size; row++) {
      const seg = segs.get(book.segmentOf(row));
      if (seg) push(seg, book.order(row), book.rev.data[row]);
    }
    for (const m of months) {
      const seg = segs.get(m)!;
      if (seg.key.length === 0) {
        await this.docs.remove(`orders/${m}`);
        continue;
      }
      const doc = await this.docs.open<OrderSegment>(`orders/${m}`, emptySegment());
      doc.data = seg;
      await doc.write();
      doc.data = emptySegment();
    }
  }

  async saveSeries(which: 'traffic' | 'spend'): Promise<void> {
    const doc = await this.docs.open<{ rows: [number, string, number][] }>(which, { rows: [] });
    doc.data = { rows: this.data[which].toRows() };
    await doc.write();
  }
}

function push(seg: OrderSegment, o: Order, rev: number): void {
  seg.key.push(`${o.platform}:${o.orderId}`);
  seg.channel.push(o.channel);
  seg.customer.push(o.customer);
  seg.created.push(o.createdAt);
  seg.paid.push(o.paidAt ?? null);
  seg.status.push(o.status === 'paid' ? 0 : o.status === 'cancelled' ? 1 : 2);
  seg.amount.push(o.amount);
  seg.refunded.push(o.refunded);
  seg.coupon.push(o.couponCode ?? null);
  seg.rev.push(rev);
  seg.lines.push(o.lines.length);
  for (const l of o.lines) {
    seg.sku.push(l.sku);
    seg.qty.push(l.qty);
    seg.lineAmount.push(l.amount);
  }
  if (o.phone) seg.phones[o.customer] = o.phone;
}
