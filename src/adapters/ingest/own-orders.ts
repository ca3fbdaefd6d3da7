import { z } from 'zod';
import { currencyExponent, parseMoney } from '../../domain/money.ts';
import { ORDER_STATUSES, type Order, type OrderLine } from '../../domain/orders/order.ts';
import { channelNormalizer } from './channel-names.ts';
import { OWN_COLUMNS } from './detect-format.ts';
import { isoTime, moneyFast } from './fast-parse.ts';

// The project's own order schema: one row per order, CSV or JSONL. Built for speed
// (a million rows in well under a second): zod checks each row's shape cheaply,
// and money, times and items are then converted directly with the same limits as
// the domain's orderSchema.

const str = (col: string, max: number, required = true) =>
  required ? z.string().min(1, `${col} is empty`).max(max, `${col} is longer than ${max} characters`) : z.string().max(max, `${col} is longer than ${max} characters`);

/**
 * A CSV row in OWN_COLUMNS order. Only its shape is checked by zod (a million rows
 * a second leaves no room for more); the builder below checks every field with
 * the same limits as the domain's orderSchema.
 */
export const ownRowSchema = z.array(z.string()).length(OWN_COLUMNS.length);

/** Column limits of orderSchema, checked by hand on the fast path: [index, name, max]. */
const LIMITS: [number, string, number][] = [[0, 'platform', 40], [1, 'order_id', 120], [2, 'channel', 40], [3, 'customer', 200]];
const STATUSES = new Set<string>(ORDER_STATUSES);

const money = z.union([z.string(), z.number()]).transform(String);
/** A JSONL line: the same fields, items as an array. */
export const ownJsonSchema = z.object({
  platform: str('platform', 40),
  order_id: z.union([z.string(), z.number()]).transform(String).pipe(str('order_id', 120)),
  channel: str('channel', 40),
  customer: z.union([z.string(), z.number()]).transform(String).pipe(str('customer', 200)),
  created_at: z.string().min(1, 'created_at is empty'),
  paid_at: z.string().nullish(),
  status: z.enum(ORDER_STATUSES, { error: 'status must be paid, cancelled or unpaid' }),
  amount: money,
  refunded: money.nullish(),
  coupon_code: str('coupon_code', 60, false).nullish(),
  phone: str('phone', 40, false).nullish(),
  items: z.array(z.object({ sku: z.string().min(1, 'an item has no sku'), qty: z.number().int().min(0), amount: money })).default([]),
});

/** zod's first complaint about a row, named by column. */
export function zodReason(err: z.ZodError, names: readonly string[] = OWN_COLUMNS): string {
  const issue = err.issues[0];
  const at = issue.path[0];
  const col = typeof at === 'number' ? names[at] : typeof at === 'string' ? at : undefined;
  return issue.message.includes(col ?? '\0') || col === undefined ? issue.message : `${col}: ${issue.message}`;
}

const TIME_EXAMPLE = 'an ISO time with offset like 2026-10-01T09:15:00+08:00';

/** Turns checked own-schema fields into an Order, or a reason it cannot be one. */
export function ownOrderBuilder(currency: string): (f: readonly string[], items: string | { sku: string; qty: number; amount: string }[]) => Order | string {
  const channelOf = channelNormalizer();
  const exp = currencyExponent(currency);
  const money = (s: string) => moneyFast(s, currency, exp);
  return (f, items) => {
    for (const [i, name, max] of LIMITS) {
      if (f[i] === '') return `${name} is empty`;
      if (f[i].length > max) return `${name} is longer than ${max} characters`;
    }
    if (f[9].length > 60) return 'coupon_code is longer than 60 characters';
    if (f[10].length > 40) return 'phone is longer than 40 characters';
    if (!STATUSES.has(f[6])) return `status "${f[6]}" must be paid, cancelled or unpaid`;
    const createdAt = isoTime(f[4]);
    if (createdAt === undefined) return `created_at "${f[4]}" is not ${TIME_EXAMPLE}`;
    const status = f[6] as Order['status'];
    let paidAt: number | undefined;
    if (status !== 'unpaid' && f[5] !== '') {
      paidAt = isoTime(f[5]);
      if (paidAt === undefined) return `paid_at "${f[5]}" is not ${TIME_EXAMPLE}`;
    } else if (status === 'paid') return 'a paid order needs paid_at';
    const amount = money(f[7]);
    if (amount === undefined || amount < 0) return `amount "${f[7]}" is not an amount like 199.00`;
    const refunded = f[8] === '' ? 0 : money(f[8]);
    if (refunded === undefined || refunded < 0) return `refunded "${f[8]}" is not an amount like 20.00`;
    if (refunded > amount) return `refunded ${f[8]} is larger than the amount ${f[7]}`;
    const lines = typeof items === 'string' ? parseItems(items, money) : jsonItems(items, currency);
    if (typeof lines === 'string') return lines;
    // Cancelled after payment (paid_at set) counts as paid on its day with the refund — the whole amount when
    // none is given — as Shopify's gross sales and Tmall's 交易关闭 after payment do; before payment it stays out.
    const afterPayment = status === 'cancelled' && paidAt !== undefined;
    const o: Order = { platform: f[0], orderId: f[1], channel: channelOf(f[2]), customer: f[3], createdAt, status: afterPayment ? 'paid' : status, amount, refunded: afterPayment && refunded === 0 ? amount : refunded, lines };
    if (paidAt !== undefined) o.paidAt = paidAt;
    if (f[9] !== '') o.couponCode = f[9];
    if (f[10] !== '') o.phone = f[10];
    return o;
  };
}

/** `SK-1:2:398.00|SK-2:1:99.00` → lines (a SKU may itself contain colons: the last two fields are qty and amount). */
function parseItems(text: string, money: (s: string) => number | undefined): OrderLine[] | string {
  if (text === '') return [];
  const lines: OrderLine[] = [];
  for (const part of text.split('|')) {
    const b = part.lastIndexOf(':');
    const a = b > 0 ? part.lastIndexOf(':', b - 1) : -1;
    if (a <= 0) return `item "${part}" is not SKU:qty:amount like SK-1:2:398.00`;
    const qty = Number(part.slice(a + 1, b));
    const amount = money(part.slice(b + 1));
    if (!Number.isInteger(qty) || qty < 0 || amount === undefined) return `item "${part}" is not SKU:qty:amount like SK-1:2:398.00`;
    lines.push({ sku: part.slice(0, a), qty, amount });
  }
  return lines;
}

function jsonItems(items: { sku: string; qty: number; amount: string }[], currency: string): OrderLine[] | string {
  const lines: OrderLine[] = [];
  for (const it of items) {
    const amount = parseMoney(it.amount, currency);
    if (amount === undefined) return `item ${it.sku} amount "${it.amount}" is not an amount like 99.00`;
    lines.push({ sku: it.sku, qty: it.qty, amount });
  }
  return lines;
}
