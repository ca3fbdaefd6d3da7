import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/ingest/import-file.ts';
import { dataset } from '../../support/datasets.ts';
import { computed, cents, csvLine, expected, freshApp, shanghaiDate, tmpFile, type Paid } from './ingest-helpers.ts';

// A Shopify "Export orders" file written with the real 79-column header: one row per
// line item, order columns on the first row only. The bot's figures must agree to
// the cent with a plain reduce over the same raw orders.

const HEADER = readFileSync(dataset('shopify/orders_export_header.csv'), 'utf8').trim().split(',');

interface RawOrder {
  name: string;
  email: string;
  status: string;
  created: string;
  paid?: string;
  cancelled?: string;
  total: string;
  refunded?: string;
  source?: string;
  discount?: string;
  notes?: string;
  items: [sku: string, qty: number, price: string][];
}

const BASE: RawOrder[] = [
  { name: '#1001', email: 'Amy@example.com', status: 'paid', created: '2026-10-01 09:10:00 +0800', paid: '2026-10-01 09:15:00 +0800', total: '398.50', source: 'web', items: [['SK-1', 2, '150.00'], ['SK-2', 1, '98.50']] },
  { name: '#1002', email: 'bob@example.com', status: 'refunded', created: '2026-10-01 10:00:00 +0800', paid: '2026-10-01 10:00:05 +0800', total: '120.00', refunded: '120.00', source: 'pos', items: [['SK-3', 1, '120.00']] },
  { name: '#1003', email: 'amy@example.com', status: 'partially_refunded', created: '2026-10-01 20:00:00 +0800', paid: '2026-10-01 20:00:09 +0800', total: '88.80', refunded: '20.00', discount: 'WELCOME10', items: [['SK-2', 1, '98.80']] },
  { name: '#1004', email: 'carl@example.com', status: 'pending', created: '2026-10-01 11:00:00 +0800', total: '66.00', items: [['SK-4', 1, '66.00']] },
  { name: '#1005', email: 'dana@example.com', status: 'voided', created: '2026-10-01 12:00:00 +0800', cancelled: '2026-10-01 12:30:00 +0800', total: '45.00', items: [['SK-5', 1, '45.00']] },
  { name: '#1006', email: 'erin@example.com', status: 'refunded', created: '2026-10-01 13:00:00 +0800', paid: '2026-10-01 13:00:01 +0800', cancelled: '2026-10-02 09:00:00 +0800', total: '300.00', refunded: '300.00', items: [['SK-6', 3, '100.00']] },
  { name: '#1007', email: 'fay@example.com', status: 'paid', created: '2026-10-01 23:59:00 +0800', paid: '2026-10-01 23:59:59 +0800', total: '10.01', items: [['SK-7', 1, '10.01']] },
  { name: '#1008', email: 'gus@example.com', status: 'paid', created: '2026-10-01 23:59:30 +0800', paid: '2026-10-02 00:00:00 +0800', total: '20.02', items: [['SK-7', 2, '10.01']] },
  // 16:30 UTC is 00:30 the next day in Shanghai.
  { name: '#1009', email: 'amy@example.com', status: 'paid', created: '2026-10-01 16:29:00 +0000', paid: '2026-10-01 16:30:00 +0000', total: '55.55', items: [['SK-8', 1, '55.55']] },
  { name: '#1010', email: 'hal@example.com', status: 'paid', created: '2026-10-02 08:00:00 +0800', paid: '2026-10-02 08:00:30 +0800', total: '1,234.56', notes: 'leave at door, ring "twice"\nsecond line of the note', items: [['SK-9', 1, '1234.56']] },
  { name: '#1011', email: 'ivy@example.com', status: 'paid', created: '2026-10-02 09:00:00 +0800', paid: '2026-10-02 09:00:30 +0800', total: 'abc', items: [['SK-1', 1, '150.00']] },
  { name: '#1012', email: 'gus@example.com', status: 'paid', created: '2026-10-02 15:00:00 +0800', paid: '2026-10-02 15:00:10 +0800', total: '77.70', source: 'shopify_draft_order', items: [['SK-3', 1, '77.70']] },
];

// Later export: #1001 got a partial refund, #1004 was paid on Oct 3, and a new order arrived.
const UPDATED: RawOrder[] = BASE.map((o) =>
  o.name === '#1001' ? { ...o, status: 'partially_refunded', refunded: '50.00' } : o.name === '#1004' ? { ...o, status: 'paid', paid: '2026-10-03 08:00:00 +0800' } : o,
).concat([{ name: '#1013', email: 'bob@example.com', status: 'paid', created: '2026-10-03 10:00:00 +0800', paid: '2026-10-03 10:00:00 +0800', total: '19.90', items: [['SK-2', 1, '19.90']] }]);

function shopifyCsv(orders: RawOrder[]): string {
  const rows = [HEADER.join(',')];
  for (const o of orders) {
    o.items.forEach(([sku, qty, price], i) => {
      const v: Record<string, string> = { Name: o.name, 'Lineitem quantity': String(qty), 'Lineitem name': `Product ${sku}`, 'Lineitem price': price, 'Lineitem sku': sku, 'Lineitem requires shipping': 'true' };
      if (i === 0)
        Object.assign(v, {
          Email: o.email, 'Financial Status': o.status, 'Paid at': o.paid ?? '', 'Fulfillment Status': 'unfulfilled', Currency: 'CNY', Subtotal: o.total, Shipping: '0.00', Taxes: '0.00', Total: o.total,
          'Discount Code': o.discount ?? '', 'Created at': o.created, 'Cancelled at': o.cancelled ?? '', 'Refunded Amount': o.refunded ?? '', Source: o.source ?? 'web', Notes: o.notes ?? '',
          'Billing Name': 'Amy Lee, Jr.', Id: String(5_000_000_000_000 + Number(o.name.slice(1))),
        });
      rows.push(csvLine(HEADER.map((h) => v[h] ?? '')));
    });
  }
  return rows.join('\n') + '\n';
}

/**
 * Independent reading of the raw orders: counted on the day paid when paid (any paid-like status) and well-formed,
 * also when cancelled after payment (Shopify's gross sales keep it; the refund counts). Voided / unpaid stay out.
 */
function paidOrders(orders: RawOrder[]): Paid[] {
  return orders
    .filter((o) => ['paid', 'partially_refunded', 'refunded'].includes(o.status) && o.paid && !Number.isNaN(Number(o.total.replace(/,/g, ''))))
    .map((o) => ({
      customer: o.email.toLowerCase(),
      date: shanghaiDate(Date.parse(o.paid!.replace(' ', 'T').replace(' ', '').replace(/(\d\d)(\d\d)$/, '$1:$2'))),
      amount: cents(o.total),
      refunded: cents(o.refunded ?? '0'),
    }));
}

const physicalLine = (content: string, prefix: string) => content.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('importing a Shopify orders export', () => {
  it('agrees to the cent with an independent computation, day by day and over the range', async () => {
    const app = await freshApp();
    const content = shopifyCsv(BASE);
    const s = await importFile(tmpFile('export.csv', content), 'orders', app.services);
    expect(s.format).toBe('shopify');
    expect(s.added).toBe(BASE.length - 1);
    expect(s.bad).toBe(1);
    // The bad order is reported on its first row's physical line (after a note that spans two lines).
    expect(s.problems).toEqual([{ line: physicalLine(content, '#1011,'), reason: expect.stringContaining('Total "abc"') }]);
    const paid = paidOrders(BASE);
    for (const [from, to] of [['2026-10-01'], ['2026-10-02'], ['2026-10-03'], ['2026-10-01', '2026-10-03'], ['2026-09-30']]) {
      expect(computed(app, from, to), `${from}..${to ?? from}`).toEqual(expected(paid, from, to));
    }
    // Midnight in Shanghai: 23:59:59 stays on Oct 1, 00:00:00 and 16:30Z move to Oct 2.
    expect(expected(paid, '2026-10-01').orders).toBe(5); // #1006, cancelled after payment, counts on its paid day
    expect(computed(app, '2026-10-02').orders).toBe(4);
  });

  it('a re-import of a later export replaces orders: the refund lands on the day paid, nothing is counted twice', async () => {
    const app = await freshApp();
    await importFile(tmpFile('export.csv', shopifyCsv(BASE)), 'orders', app.services);
    const before = computed(app, '2026-10-01');
    const s = await importFile(tmpFile('export-later.csv', shopifyCsv(UPDATED)), 'orders', app.services);
    expect(s.replaced).toBe(BASE.length - 1);
    expect(s.added).toBe(1);
    expect(app.services.data.book.size).toBe(UPDATED.length - 1);
    const paid = paidOrders(UPDATED);
    for (const [from, to] of [['2026-10-01'], ['2026-10-02'], ['2026-10-03'], ['2026-10-01', '2026-10-03']]) {
      expect(computed(app, from, to), `${from}..${to ?? from}`).toEqual(expected(paid, from, to));
    }
    const after = computed(app, '2026-10-01');
    expect(after.gmv).toBe(before.gmv);
    expect(after.orders).toBe(before.orders);
    expect(before.net_gmv! - after.net_gmv!).toBe(5000);
  });

  it('answers through the bot with the same figure', async () => {
    const app = await freshApp();
    await importFile(tmpFile('export.csv', shopifyCsv(BASE)), 'orders', app.services);
    const reply = await app.bot.handle({ platform: 'console', conversation: 'console:ops-room', user: 'console:alice', direct: false, text: 'gmv 2026-10-01' });
    const data = reply.data as { metric: string; value: number; currency: string };
    expect(data.metric).toBe('gmv');
    expect(Math.round(data.value * 100)).toBe(expected(paidOrders(BASE), '2026-10-01').gmv);
  });
});
