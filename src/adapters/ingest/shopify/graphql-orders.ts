import { z } from 'zod';

// The Admin GraphQL orders query the backfill pages through, and each node turned into the
// webhook payload shape, so backfilled and pushed orders go through one mapping.

export const ORDERS_QUERY = `query BackfillOrders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      legacyResourceId name createdAt updatedAt processedAt cancelledAt displayFinancialStatus email phone sourceName discountCodes
      totalPriceSet { shopMoney { amount currencyCode } }
      customer { email phone }
      refunds { legacyResourceId createdAt totalRefundedSet { shopMoney { amount } } }
      lineItems(first: 100) { nodes { sku name quantity originalUnitPriceSet { shopMoney { amount } } } }
    }
  }
}`;

export const COUNT_QUERY = `query BackfillCount($query: String) { ordersCount(query: $query, limit: null) { count } }`;

const money = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string().optional() }) });
const node = z.object({
  legacyResourceId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().nullish(),
  processedAt: z.string().nullish(),
  cancelledAt: z.string().nullish(),
  displayFinancialStatus: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  sourceName: z.string().nullish(),
  discountCodes: z.array(z.string()).default([]),
  totalPriceSet: money,
  customer: z.object({ email: z.string().nullish(), phone: z.string().nullish() }).nullish(),
  refunds: z.array(z.object({ legacyResourceId: z.string(), createdAt: z.string().nullish(), totalRefundedSet: money })).default([]),
  lineItems: z.object({ nodes: z.array(z.object({ sku: z.string().nullish(), name: z.string().nullish(), quantity: z.number().int(), originalUnitPriceSet: money })) }),
});

export const ordersPage = z.object({
  orders: z.object({ pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }), nodes: z.array(node) }),
});

export const costExtension = z
  .object({ cost: z.object({ requestedQueryCost: z.number().optional(), throttleStatus: z.object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number() }) }) })
  .partial();

export type OrderNode = z.infer<typeof node>;

/** A GraphQL order node as the REST-shaped payload webhooks deliver (see webhook-payloads.ts). */
export function nodeAsPayload(n: OrderNode): Record<string, unknown> {
  const shop = n.totalPriceSet.shopMoney;
  return {
    id: n.legacyResourceId,
    name: n.name,
    created_at: n.createdAt,
    updated_at: n.updatedAt ?? n.createdAt,
    processed_at: n.processedAt ?? n.createdAt,
    cancelled_at: n.cancelledAt ?? null,
    financial_status: (n.displayFinancialStatus ?? '').toLowerCase(),
    total_price: shop.amount,
    ...(shop.currencyCode ? { total_price_set: { shop_money: { amount: shop.amount, currency_code: shop.currencyCode } } } : {}),
    email: n.email ?? null,
    phone: n.phone ?? null,
    source_name: n.sourceName ?? null,
    customer: n.customer ?? null,
    discount_codes: n.discountCodes.map((code) => ({ code })),
    line_items: n.lineItems.nodes.map((l) => ({ sku: l.sku ?? null, name: l.name ?? null, quantity: l.quantity, price: l.originalUnitPriceSet.shopMoney.amount })),
    // Refund ids are Shopify's own, so a refund also delivered by webhook is counted once.
    refunds: n.refunds.map((r) => ({ id: r.legacyResourceId, created_at: r.createdAt ?? null, transactions: [{ kind: 'refund', status: 'success', amount: r.totalRefundedSet.shopMoney.amount }] })),
  };
}
