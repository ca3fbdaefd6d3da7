import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShopifyWebhookInbox, type Delivery } from '../../../../src/adapters/ingest/shopify/webhook-inbox.ts';
import { computed, expected, freshApp, shanghaiDate, type Paid } from '../ingest-helpers.ts';
import { orderLife, sampleBody, type Life, type Step } from './recorded.ts';

// Deliveries of several orders' lives, each delivered twice and out of order, must leave
// exactly the figures a plain computation over the orders' final states gives.

interface Plan extends Life {
  /** How far its life got: 2 = paid, 4 = partially refunded, 6 = cancelled (rest refunded). */
  upTo: number;
}

const plans: Plan[] = [
  { n: 1001, email: 'a@example.com', total: '120.00', created: '2026-11-20T10:00:00+08:00', paid: '2026-11-21T09:00:00+08:00', refund1: '20.00', refundAt: '2026-11-22T09:00:00+08:00', cancelledAt: '2026-11-23T09:00:00+08:00', upTo: 6 },
  { n: 1002, email: 'b@example.com', total: '88.50', created: '2026-11-21T23:30:00+08:00', paid: '2026-11-21T23:59:00+08:00', refund1: '8.50', refundAt: '2026-11-24T09:00:00+08:00', cancelledAt: '2026-11-25T09:00:00+08:00', upTo: 4 },
  { n: 1003, email: 'a@example.com', total: '300.00', created: '2026-11-21T08:00:00+08:00', paid: '2026-11-22T00:10:00+08:00', refund1: '50.00', refundAt: '2026-11-24T09:00:00+08:00', cancelledAt: '2026-11-25T09:00:00+08:00', upTo: 2 },
  { n: 1004, email: 'c@example.com', total: '45.00', created: '2026-11-22T12:00:00+08:00', paid: '2026-11-22T12:05:00+08:00', refund1: '45.00', refundAt: '2026-11-23T09:00:00+08:00', cancelledAt: '2026-11-23T10:00:00+08:00', upTo: 6 },
];

/** The final truth of each order, computed from the plan alone. */
function truth(): Paid[] {
  return plans.map((p) => {
    const refunded = p.upTo >= 6 ? Number(p.total) : p.upTo >= 4 ? Number(p.refund1) : 0;
    return { customer: p.email, date: shanghaiDate(Date.parse(p.paid)), amount: Math.round(Number(p.total) * 100), refunded: Math.round(refunded * 100) };
  });
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const toDelivery = (s: Step): Delivery => ({ id: s.id, topic: s.topic, body: s.body });

async function deliverAll(seed: number, batches: number) {
  const app = await freshApp({ STORE_CURRENCY: 'USD' });
  const inbox = await new ShopifyWebhookInbox(app.services, mkdtempSync(join(tmpdir(), 'hooks-')), { fsync: false }).open();
  const steps = plans.flatMap((p) => orderLife(p).slice(0, p.upTo));
  const all = shuffled([...steps, ...steps], seed);
  const answers: string[] = [];
  const size = Math.ceil(all.length / batches);
  for (let i = 0; i < all.length; i += size) {
    answers.push(...(await Promise.all(all.slice(i, i + size).map((s) => inbox.receive(toDelivery(s))))));
    await inbox.applyPending();
  }
  await inbox.close();
  return { app, answers, inbox };
}

describe('Shopify webhook deliveries', () => {
  for (const [seed, batches] of [[1, 1], [7, 5], [42, 24], [99, 48]] as const) {
    it(`replayed twice and out of order (seed ${seed}, ${batches} batches) leave the independently computed figures`, async () => {
      const { app, answers } = await deliverAll(seed, batches);
      const want = truth();
      const steps = plans.reduce((a, p) => a + p.upTo, 0);
      expect(answers.filter((a) => a === 'accepted')).toHaveLength(steps);
      expect(answers.filter((a) => a === 'duplicate')).toHaveLength(steps);
      expect(computed(app, '2026-11-20', '2026-11-30')).toEqual(expected(want, '2026-11-20', '2026-11-30'));
      for (const day of ['2026-11-21', '2026-11-22']) expect(computed(app, day)).toEqual(expected(want, day));
      expect(app.services.data.book.size).toBe(plans.length);
    });
  }

  it('answers a second delivery of the same webhook id as a duplicate, even after a restart', async () => {
    const app = await freshApp({ STORE_CURRENCY: 'USD' });
    const dir = mkdtempSync(join(tmpdir(), 'hooks-'));
    const first = await new ShopifyWebhookInbox(app.services, dir, { fsync: false }).open();
    const [create] = orderLife({ ...plans[0] });
    expect(await first.receive(toDelivery(create))).toBe('accepted');
    expect(await first.receive(toDelivery(create))).toBe('duplicate');
    await first.close();
    const again = await new ShopifyWebhookInbox(app.services, dir, { fsync: false }).open();
    expect(again.has(create.id)).toBe(true);
    expect(await again.receive(toDelivery(create))).toBe('duplicate');
  });

  it('keeps the ids of the sample exact (beyond 2^53) and reads a voided sample as never paid', async () => {
    const app = await freshApp({ STORE_CURRENCY: 'USD' });
    const inbox = await new ShopifyWebhookInbox(app.services, mkdtempSync(join(tmpdir(), 'hooks-')), { fsync: false }).open();
    await inbox.receive({ id: 'sample', topic: 'orders/create', body: sampleBody() });
    await inbox.applyPending();
    const row = app.services.data.book.rowFor('shopify', '#9999');
    expect(row).toBeDefined();
    const o = app.services.data.book.order(row!);
    expect(o.status).toBe('cancelled');
    expect(o.amount).toBe(38800);
    expect(o.paidAt).toBeUndefined();
    const doc = await app.services.docs.open<{ orders: Record<string, unknown> }>('shopify-webhooks', { orders: {} });
    expect(Object.keys(doc.data.orders)).toEqual(['820982911946154508']);
  });

  it('does not apply a delivery in another currency, and says why in the log', async () => {
    const app = await freshApp({ STORE_CURRENCY: 'CNY' });
    const inbox = await new ShopifyWebhookInbox(app.services, mkdtempSync(join(tmpdir(), 'hooks-')), { fsync: false }).open();
    await inbox.receive({ id: 'x', topic: 'orders/create', body: sampleBody() });
    await inbox.applyPending();
    expect(app.services.data.book.size).toBe(0);
    expect(inbox.rejected).toBe(1);
  });
});
