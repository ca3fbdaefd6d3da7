import { parseMoney } from '../../domain/money.ts';
import { orderSchema, type Order, type OrderLine } from '../../domain/orders/order.ts';
import type { CsvRow } from './csv-rows.ts';
import type { Columns } from './detect-format.ts';
import type { BadRows } from './import-error.ts';
import { zodReason } from './own-orders.ts';
import { parseShopifyTime } from './times.ts';

// Shopify's "Export orders" CSV: one row per line item; the order's own columns
// (Email, Financial Status, Total, …) are filled only on its first row. Rows are
// grouped by Name (#1001), which is the order id.

const PAID = new Set(['paid', 'partially_paid', 'refunded', 'partially_refunded']);
const UNPAID = new Set(['pending', 'authorized', 'unpaid', '']);
const VOID = new Set(['voided', 'expired']);

interface Group {
  line: number;
  head: string[];
  items: string[][];
}

export function* shopifyOrders(rows: Iterable<CsvRow>, cols: Columns, bad: BadRows, currency: string): Generator<Order> {
  const at = (name: string) => cols.get(name) ?? -1;
  const c = {
    name: at('Name'), email: at('Email'), status: at('Financial Status'), paidAt: at('Paid at'), currency: at('Currency'), total: at('Total'),
    coupon: at('Discount Code'), createdAt: at('Created at'), qty: at('Lineitem quantity'), itemName: at('Lineitem name'), price: at('Lineitem price'),
    sku: at('Lineitem sku'), cancelledAt: at('Cancelled at'), refunded: at('Refunded Amount'), source: at('Source'), phone: at('Phone'), billingPhone: at('Billing Phone'),
  };
  const get = (f: string[], i: number) => (i >= 0 && i < f.length ? f[i].trim() : '');
  // Group first: rows of one order are normally adjacent, but nothing breaks if they are not.
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const f = row.fields;
    const name = get(f, c.name);
    if (row.error) bad.add(row.line, row.error);
    else if (!name) bad.add(row.line, 'Name (the order number, like #1001) is empty');
    else {
      const g = groups.get(name);
      if (!g) groups.set(name, { line: row.line, head: f, items: [f] });
      else g.items.push(f);
    }
  }
  for (const [name, g] of groups) {
    const o = toOrder(name, g);
    if (typeof o === 'string') bad.add(g.line, `order ${name}: ${o}`);
    else yield o;
  }

  function toOrder(name: string, g: Group): Order | string {
    const h = g.head;
    const cur = get(h, c.currency);
    if (cur && cur.toUpperCase() !== currency) return `currency ${cur} is not the store's ${currency}`;
    const createdAt = parseShopifyTime(get(h, c.createdAt));
    if (createdAt === undefined) return `Created at "${get(h, c.createdAt)}" is not a time like 2026-10-01 09:15:00 +0800`;
    const fin = get(h, c.status).toLowerCase();
    const paidText = get(h, c.paidAt);
    const paidAt = paidText ? parseShopifyTime(paidText) : undefined;
    if (paidText && paidAt === undefined) return `Paid at "${paidText}" is not a time like 2026-10-01 09:15:00 +0800`;
    let status: Order['status'];
    // Cancelled after payment stays paid on its day with its refund, as in Shopify's own gross sales
    // (and Tmall's 交易关闭 after payment); cancelled before payment, or voided, stays out.
    if (VOID.has(fin)) status = 'cancelled';
    else if (PAID.has(fin)) status = 'paid';
    else if (get(h, c.cancelledAt)) status = 'cancelled';
    else if (UNPAID.has(fin)) status = 'unpaid';
    else return `Financial Status "${fin}" is not one of paid, partially_paid, refunded, partially_refunded, pending, authorized, voided, expired`;
    const amount = parseMoney(get(h, c.total), currency);
    if (amount === undefined) return `Total "${get(h, c.total)}" is not an amount like 199.00`;
    let refunded = parseMoney(get(h, c.refunded), currency) ?? 0;
    if (fin === 'refunded' && refunded === 0) refunded = amount; // fully refunded, amount column left empty
    if (refunded > amount) return `Refunded Amount "${get(h, c.refunded)}" is larger than the Total "${get(h, c.total)}"`;
    const lines: OrderLine[] = [];
    for (const f of g.items) {
      const sku = get(f, c.sku) || get(f, c.itemName);
      if (!sku) continue;
      const qty = Number(get(f, c.qty) || '1');
      const price = parseMoney(get(f, c.price), currency);
      if (!Number.isInteger(qty) || price === undefined) return `line item ${sku}: quantity "${get(f, c.qty)}" or price "${get(f, c.price)}" is not valid`;
      lines.push({ sku, qty, amount: price * qty });
    }
    const email = get(h, c.email).toLowerCase();
    const phone = get(h, c.phone) || get(h, c.billingPhone);
    const source = get(h, c.source).toLowerCase();
    const coupon = get(h, c.coupon);
    const order = {
      platform: 'shopify',
      orderId: name,
      channel: source || 'web',
      // Guests without an email are told apart by phone, else count as one-off buyers.
      customer: email || phone || `guest:${name}`,
      createdAt,
      // A paid order always has a payment time; an export missing one is paid when created.
      ...(status === 'paid' ? { paidAt: paidAt ?? createdAt } : paidAt !== undefined && status === 'cancelled' ? { paidAt } : {}),
      status,
      amount,
      refunded,
      ...(coupon ? { couponCode: coupon } : {}),
      ...(phone ? { phone } : {}),
      lines,
    };
    const checked = orderSchema.safeParse(order);
    return checked.success ? checked.data : zodReason(checked.error);
  }
}
