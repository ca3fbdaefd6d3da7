import { z } from 'zod';

// The parts of Shopify's webhook payloads the order book needs, checked by zod at the edge.
// Ids are read as strings (see big-json.ts); amounts are Shopify's decimal strings.

const id = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);
const time = z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'is not an ISO time like 2026-10-01T09:15:00+08:00');
const money = z.union([z.string(), z.number()]).transform(String);
const moneySet = z.object({ shop_money: z.object({ amount: money, currency_code: z.string() }) }).nullish();

const transaction = z.object({ id: id.optional(), kind: z.string(), status: z.string().nullish(), amount: money });
export const refundPayload = z.object({
  id,
  order_id: id,
  created_at: time.nullish(),
  transactions: z.array(transaction).default([]),
});

export const orderPayload = z.object({
  id,
  name: z.string().min(1, 'name (the order number, like #1001) is empty').max(120),
  created_at: time,
  updated_at: time.nullish(),
  processed_at: time.nullish(),
  cancelled_at: time.nullish(),
  financial_status: z.string().nullish(),
  currency: z.string().nullish(),
  total_price: money,
  total_price_set: moneySet,
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  phone: z.string().nullish(),
  source_name: z.string().nullish(),
  customer: z.object({ email: z.string().nullish(), phone: z.string().nullish() }).nullish(),
  billing_address: z.object({ phone: z.string().nullish() }).nullish(),
  discount_codes: z.array(z.object({ code: z.string() })).default([]),
  line_items: z.array(z.object({ sku: z.string().nullish(), name: z.string().nullish(), title: z.string().nullish(), quantity: z.number().int().min(0), price: money })).default([]),
  refunds: z.array(refundPayload.omit({ order_id: true })).default([]),
});

/** `inventory_levels/update`: the available count of one item at one location. */
export const inventoryPayload = z.object({
  inventory_item_id: id,
  location_id: id.nullish(),
  available: z.number().int().nullable(),
  updated_at: time.nullish(),
});

export type OrderPayload = z.infer<typeof orderPayload>;
export type RefundPayload = z.infer<typeof refundPayload>;

export const ORDER_TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled'] as const;
export const TOPICS = [...ORDER_TOPICS, 'refunds/create', 'inventory_levels/update'] as const;
export type Topic = (typeof TOPICS)[number];

/** Refunded money of a refund: its successful refund transactions. */
export function refundTotal(r: { transactions: z.infer<typeof transaction>[] }, toMinor: (s: string) => number | undefined): number {
  let sum = 0;
  for (const t of r.transactions) if (t.kind === 'refund' && (t.status ?? 'success') === 'success') sum += toMinor(t.amount) ?? 0;
  return sum;
}
