import { readFileSync } from 'node:fs';
import { dataset } from '../../../support/datasets.ts';

// Recorded deliveries built from Shopify's own sample order payload: the same body with
// the fields a real order's life changes (status, times, refunds), ids kept as exact digits.

const SAMPLE = readFileSync(dataset('shopify/webhook_order_sample_shopify_dev.json'), 'utf8');

/** The sample with its big ids intact: edits are textual, so no id passes through a JS number. */
export function sampleBody(): string {
  return SAMPLE;
}

export interface Step {
  topic: 'orders/create' | 'orders/paid' | 'orders/updated' | 'orders/cancelled' | 'refunds/create';
  id: string;
  body: string;
}

export interface Life {
  n: number; // order number: #n
  email: string;
  total: string;
  created: string;
  paid: string;
  refund1: string;
  refundAt: string;
  cancelledAt: string;
}

export const orderIdOf = (n: number) => `820982911946${String(154508 + n)}`;

/** One order's life: created pending → paid → partially refunded → cancelled with the rest refunded. */
export function orderLife(l: Life): Step[] {
  const id = orderIdOf(l.n);
  const base = (fields: Record<string, unknown>, refunds: string) => {
    let b = SAMPLE.replace('"id": 820982911946154508', `"id": ${id}`).replace('"name": "#9999"', `"name": "#${l.n}"`).replace('"email": "jon@example.com"', `"email": "${l.email}"`);
    b = b.replace(/"total_price": "388.00"/, `"total_price": "${l.total}"`).replace(/"total_price_set": \{ "shop_money": \{ "amount": "388.00"/, `"total_price_set": { "shop_money": { "amount": "${l.total}"`);
    b = b.replace('"refunds": []', `"refunds": ${refunds}`);
    for (const [k, v] of Object.entries(fields)) b = b.replace(new RegExp(`"${k}": (null|"[^"]*")`), `"${k}": ${JSON.stringify(v)}`);
    return b;
  };
  const refund = (rid: string, amount: string, at: string) => `{ "id": ${rid}, "order_id": ${id}, "created_at": "${at}", "transactions": [{ "id": ${rid}1, "kind": "refund", "status": "success", "amount": "${amount}" }] }`;
  const rest = (Number(l.total) - Number(l.refund1)).toFixed(2);
  const r1 = refund(`90${l.n}0000000000001`, l.refund1, l.refundAt);
  const r2 = refund(`90${l.n}0000000000002`, rest, l.cancelledAt);
  const common = { created_at: l.created, processed_at: l.created, cancelled_at: null, cancel_reason: null };
  return [
    { topic: 'orders/create', id: `w-${l.n}-1`, body: base({ ...common, updated_at: l.created, financial_status: 'pending' }, '[]') },
    { topic: 'orders/paid', id: `w-${l.n}-2`, body: base({ ...common, updated_at: l.paid, financial_status: 'paid' }, '[]') },
    { topic: 'refunds/create', id: `w-${l.n}-3`, body: r1 },
    { topic: 'orders/updated', id: `w-${l.n}-4`, body: base({ ...common, updated_at: l.refundAt, financial_status: 'partially_refunded' }, `[${r1}]`) },
    { topic: 'refunds/create', id: `w-${l.n}-5`, body: r2 },
    { topic: 'orders/cancelled', id: `w-${l.n}-6`, body: base({ ...common, updated_at: l.cancelledAt, cancelled_at: l.cancelledAt, cancel_reason: 'customer', financial_status: 'refunded' }, `[${r1}, ${r2}]`) },
  ];
}
