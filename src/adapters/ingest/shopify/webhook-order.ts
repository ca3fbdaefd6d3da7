import { parseMoney } from '../../../domain/money.ts';
import { orderSchema, type Order, type OrderLine } from '../../../domain/orders/order.ts';
import { zodReason } from '../own-orders.ts';
import { refundTotal, type OrderPayload } from './webhook-payloads.ts';

// A Shopify order payload → the book's Order, by the GMV rule every importer follows:
// paid orders count on the day they were paid; an order cancelled after payment stays
// paid (its refunds count against it); one cancelled or voided before payment never counts.

const PAID = new Set(['paid', 'partially_paid', 'refunded', 'partially_refunded']);
const VOID = new Set(['voided', 'expired']);

/** What the bot remembers of one Shopify order between deliveries (keyed by Shopify's numeric id). */
export interface ShopifyOrderState {
  /** The order's name (#1001): its id in the order book, as in Shopify's CSV export. */
  name?: string;
  /** updated_at of the newest delivery applied; an older one never overwrites it. */
  updatedAt?: number;
  /** Latest updated_at at which the order was seen unpaid, and earliest at which it was seen paid. */
  unpaidSeen?: number;
  paidSeen?: number;
  /** Refunds by id, in minor units: from the order's own list and from refunds/create, counted once. */
  refunds: Record<string, number>;
}

export const emptyState = (): ShopifyOrderState => ({ refunds: {} });

export const isPaidStatus = (financialStatus: string | null | undefined) => PAID.has((financialStatus ?? '').toLowerCase());

/** Folds what one order delivery tells into the state, whether or not it is the newest. */
export function noteDelivery(st: ShopifyOrderState, p: OrderPayload, currency: string): void {
  st.name = p.name;
  const at = Date.parse(p.updated_at ?? p.created_at);
  if (isPaidStatus(p.financial_status)) st.paidSeen = Math.min(st.paidSeen ?? at, at);
  else if (!p.cancelled_at && !VOID.has((p.financial_status ?? '').toLowerCase())) st.unpaidSeen = Math.max(st.unpaidSeen ?? at, at);
  for (const r of p.refunds) st.refunds[r.id] = refundTotal(r, (s) => parseMoney(s, currency));
}

/**
 * When it was paid: if a delivery showed it unpaid before one showed it paid, the first paid
 * delivery's time (payment came later); otherwise Shopify's processed_at (paid at checkout).
 */
export function paidTime(st: ShopifyOrderState, fallback: number): number {
  return st.unpaidSeen !== undefined && st.paidSeen !== undefined && st.paidSeen > st.unpaidSeen ? st.paidSeen : fallback;
}

export function refundedOf(st: ShopifyOrderState, amount: number, financialStatus?: string | null): number {
  let sum = 0;
  for (const v of Object.values(st.refunds)) sum += v;
  if (sum === 0 && (financialStatus ?? '').toLowerCase() === 'refunded') sum = amount;
  return Math.min(sum, amount);
}

/** The order as the book keeps it, or why the payload cannot be one. */
export function webhookOrder(p: OrderPayload, st: ShopifyOrderState, currency: string): Order | string {
  const shop = p.total_price_set?.shop_money;
  if (shop && shop.currency_code.toUpperCase() !== currency) return `currency ${shop.currency_code} is not the store's ${currency}`;
  if (!shop && p.currency && p.currency.toUpperCase() !== currency) return `currency ${p.currency} is not the store's ${currency}`;
  const amount = parseMoney(shop?.amount ?? p.total_price, currency);
  if (amount === undefined || amount < 0) return `total_price "${p.total_price}" is not an amount like 199.00`;
  const fin = (p.financial_status ?? '').toLowerCase();
  const createdAt = Date.parse(p.created_at);
  const paid = PAID.has(fin);
  const status: Order['status'] = paid ? 'paid' : p.cancelled_at || VOID.has(fin) ? 'cancelled' : 'unpaid';
  const lines: OrderLine[] = [];
  for (const li of p.line_items) {
    const sku = li.sku || li.name || li.title;
    const price = parseMoney(li.price, currency);
    if (!sku) continue;
    if (price === undefined) return `line item ${sku}: price "${li.price}" is not an amount like 199.00`;
    lines.push({ sku, qty: li.quantity, amount: price * li.quantity });
  }
  const email = (p.email || p.contact_email || p.customer?.email || '').toLowerCase();
  const phone = p.phone || p.customer?.phone || p.billing_address?.phone || '';
  const coupon = p.discount_codes[0]?.code;
  const order = {
    platform: 'shopify',
    orderId: p.name,
    channel: (p.source_name || 'web').toLowerCase(),
    customer: email || phone || `guest:${p.name}`,
    createdAt,
    ...(paid ? { paidAt: paidTime(st, Date.parse(p.processed_at ?? p.created_at)) } : {}),
    status,
    amount,
    refunded: paid ? refundedOf(st, amount, fin) : 0,
    ...(coupon ? { couponCode: coupon.slice(0, 60) } : {}),
    ...(phone ? { phone: phone.slice(0, 40) } : {}),
    lines,
  };
  const checked = orderSchema.safeParse(order);
  return checked.success ? checked.data : zodReason(checked.error);
}

/** An order already in the book, updated with what later-arriving deliveries told (refunds, a late payment time). */
export function revisedOrder(o: Order, st: ShopifyOrderState): Order {
  if (o.status !== 'paid') return o;
  const refunded = Math.max(o.refunded, refundedOf(st, o.amount));
  return { ...o, paidAt: paidTime(st, o.paidAt ?? o.createdAt), refunded };
}
