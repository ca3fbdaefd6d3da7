import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/ingest/import-file.ts';
import { dataset } from '../../support/datasets.ts';
import { cents, csvLine, days, figure, freshApp, tmpFile } from './ingest-helpers.ts';

// One story told by two platforms: a buyer pays 300.00 on Oct 1 and the order is cancelled with a full refund
// on Oct 2; another pays 100.00; a third order is cancelled before it is paid. Shopify's gross sales keep the
// cancelled-after-payment order on its paid day and subtract the refund; a Tmall report (交易关闭 after payment)
// says the same. Both imports must give the figures of a plain computation over the story.

const STORY = [
  { id: '1', buyer: 'amy', total: '300.00', paid: '2026-10-01 13:00:01', cancelled: '2026-10-02 09:00:00', refunded: '300.00' },
  { id: '2', buyer: 'bob', total: '100.00', paid: '2026-10-01 15:00:00', cancelled: '', refunded: '' },
  { id: '3', buyer: 'cat', total: '45.00', paid: '', cancelled: '2026-10-01 12:30:00', refunded: '' },
];

function independent() {
  const paid = STORY.filter((o) => o.paid); // paid on Oct 1; a later cancellation does not unpay it
  const gmv = paid.reduce((a, o) => a + cents(o.total), 0);
  const refund = paid.reduce((a, o) => a + cents(o.refunded), 0);
  return { gmv, refund_rate: refund / gmv, orders: paid.length };
}

function shopify(): string {
  const header = readFileSync(dataset('shopify/orders_export_header.csv'), 'utf8').trim().split(',');
  const rows = STORY.map((o) => {
    const v: Record<string, string> = {
      Name: `#${o.id}`, Email: `${o.buyer}@example.com`, 'Financial Status': o.refunded ? 'refunded' : o.paid ? 'paid' : 'voided', 'Paid at': o.paid ? `${o.paid} +0800` : '',
      Currency: 'CNY', Total: o.total, 'Created at': '2026-10-01 12:00:00 +0800', 'Cancelled at': o.cancelled ? `${o.cancelled} +0800` : '', 'Refunded Amount': o.refunded,
      'Lineitem quantity': '1', 'Lineitem name': 'Cup', 'Lineitem price': o.total, 'Lineitem sku': 'SK-1', Source: 'web',
    };
    return csvLine(header.map((h) => v[h] ?? ''));
  });
  return [header.join(','), ...rows].join('\n') + '\n';
}

function tmall(): string {
  const header = ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝总数量', '退款金额'];
  const rows = STORY.map((o) => csvLine([o.id, o.buyer, o.total, o.cancelled ? '交易关闭' : '交易成功', '2026-10-01 12:00:00', o.paid, '杯子', '1', o.refunded]));
  return [header.join(','), ...rows].join('\n') + '\n';
}

describe('an order cancelled after payment', () => {
  it('counts in GMV on its paid day with its refund, the same from Shopify and Tmall as by hand', async () => {
    const want = independent();
    for (const [name, content] of [['shopify.csv', shopify()], ['tmall.csv', tmall()]] as const) {
      const app = await freshApp();
      const s = await importFile(tmpFile(name, content), 'orders', app.services);
      expect(s.bad, name).toBe(0);
      const oct1 = days('2026-10-01');
      expect(figure(app, 'gmv', oct1), name).toBe(want.gmv);
      expect(figure(app, 'orders', oct1), name).toBe(want.orders);
      expect(figure(app, 'refund_rate', oct1), name).toBeCloseTo(want.refund_rate, 12);
      // The cancellation day carries nothing of its own.
      expect(figure(app, 'gmv', days('2026-10-02')), name).toBe(0);
    }
  });
});
