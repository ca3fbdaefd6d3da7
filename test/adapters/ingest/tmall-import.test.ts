import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/ingest/import-file.ts';
import { computed, cents, csvLine, expected, freshApp, tmpFile, type Paid } from './ingest-helpers.ts';

// A Tmall/Taobao seller-centre order report with Chinese headers, written once as
// UTF-8 with a BOM and once as GBK with Windows line endings (as the seller centre
// downloads it). Figures must agree to the cent with a plain reduce over the rows.

const HEADER = ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '买家留言', '收货人姓名', '收货地址', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '宝贝总数量', '店铺名称', '订单关闭原因', '退款金额'];

interface Row {
  id: string;
  buyer: string;
  paid: string; // 买家实际支付金额
  status: string;
  created: string;
  paidAt: string;
  refund: string;
  title: string;
  qty: string;
}

const BASE: Row[] = [
  { id: '="2001"', buyer: '小王', paid: '199.00', status: '交易成功', created: '2026-10-01 09:00:00', paidAt: '2026-10-01 09:01:00', refund: '0.00', title: '保温杯 500ml', qty: '1' },
  { id: '\t2002', buyer: '小李', paid: '358.80', status: '卖家已发货，等待买家确认', created: '2026-10-01 10:00:00', paidAt: '2026-10-01 10:00:30', refund: '', title: '茶具套装', qty: '2' },
  { id: "'2003", buyer: '小王', paid: '88.00', status: '买家已付款，等待卖家发货', created: '2026-10-01 23:59:00', paidAt: '2026-10-01 23:59:59', refund: '0', title: '茶叶 250g', qty: '1' },
  { id: '2004', buyer: '小张', paid: '66.60', status: '交易成功', created: '2026-10-01 23:59:50', paidAt: '2026-10-02 00:00:00', refund: '0.00', title: '茶叶 250g', qty: '1' },
  { id: '2005', buyer: '小赵', paid: '0.00', status: '等待买家付款', created: '2026-10-02 08:00:00', paidAt: '', refund: '', title: '茶具套装', qty: '1' },
  // Closed after payment with a partial refund: paid, refunded 30.
  { id: '2006', buyer: '小李', paid: '120.00', status: '交易关闭', created: '2026-10-02 09:00:00', paidAt: '2026-10-02 09:00:10', refund: '30.00', title: '保温杯 500ml', qty: '1' },
  // Closed before payment: cancelled.
  { id: '2007', buyer: '小孙', paid: '45.00', status: '交易关闭', created: '2026-10-02 10:00:00', paidAt: '', refund: '', title: '杯垫', qty: '3' },
  { id: '2008', buyer: '小周', paid: '1,024.50', status: '交易成功', created: '2026-10-02 11:00:00', paidAt: '2026-10-02 11:00:01', refund: '0.00', title: '礼盒, 大号', qty: '1' },
  { id: '2009', buyer: '小吴', paid: '十元', status: '交易成功', created: '2026-10-02 12:00:00', paidAt: '2026-10-02 12:00:01', refund: '0.00', title: '杯垫', qty: '1' },
  // Closed after payment, 退款金额 left empty: refunded in full.
  { id: '2010', buyer: '小郑', paid: '59.00', status: '交易关闭', created: '2026-10-02 13:00:00', paidAt: '2026-10-02 13:00:05', refund: '', title: '杯垫', qty: '1' },
];

// Later report: 2001 was refunded and closed, 2005 got paid on Oct 3.
const UPDATED: Row[] = BASE.map((r) =>
  r.id === '="2001"' ? { ...r, status: '交易关闭', refund: '199.00' } : r.id === '2005' ? { ...r, paid: '77.00', status: '买家已付款，等待卖家发货', paidAt: '2026-10-03 07:00:00' } : r,
);

function report(rows: Row[], eol: string): string {
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    const v: Record<string, string> = {
      订单编号: r.id, 买家会员名: r.buyer, 买家支付宝账号: 'a***@163.com', 买家应付货款: r.paid, 买家应付邮费: '0.00', 总金额: r.paid, 买家实际支付金额: r.paid, 订单状态: r.status,
      收货人姓名: '王先生', 收货地址: '浙江省 杭州市 西湖区 文三路 1号', 联系手机: "'13800001234", 订单创建时间: r.created, 订单付款时间: r.paidAt, 宝贝标题: r.title, 宝贝种类: '1', 宝贝总数量: r.qty, 店铺名称: '示例旗舰店', 退款金额: r.refund,
    };
    // The id column is written raw: ="2001" is how the report keeps long digits as text.
    lines.push([r.id, ...HEADER.slice(1).map((h) => csvLine([v[h] ?? '']))].join(','));
  }
  return lines.join(eol) + eol;
}

const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
const gbk = (text: string) => iconv.encode(text, 'gbk');

/** Independent reading: paid-like statuses count; 交易关闭 counts when it was paid, refunding 退款金额 (or all of it). */
function paidOrders(rows: Row[]): Paid[] {
  return rows
    .filter((r) => r.paidAt !== '' && r.status !== '等待买家付款' && !Number.isNaN(Number(r.paid.replace(/,/g, ''))))
    .map((r) => {
      const amount = cents(r.paid);
      const refund = cents(r.refund || '0');
      return { customer: r.buyer, date: r.paidAt.slice(0, 10), amount, refunded: r.status === '交易关闭' ? Math.min(refund || amount, amount) : refund };
    });
}

const PERIODS = [['2026-10-01'], ['2026-10-02'], ['2026-10-03'], ['2026-10-01', '2026-10-03']];

describe('importing a Tmall/Taobao order report', () => {
  for (const [label, encode, eol, encoding] of [
    ['UTF-8 with BOM', utf8Bom, '\n', 'utf-8'],
    ['GBK with CRLF', gbk, '\r\n', 'gbk'],
  ] as const) {
    it(`${label}: agrees to the cent with an independent computation, and a later report replaces orders`, async () => {
      const app = await freshApp();
      const s = await importFile(tmpFile('ExportOrderList.csv', encode(report(BASE, eol))), 'orders', app.services);
      expect(s).toMatchObject({ format: 'tmall', encoding, added: BASE.length - 1, replaced: 0, bad: 1 });
      expect(s.problems).toEqual([{ line: 10, reason: expect.stringContaining('买家实际支付金额 "十元"') }]);
      // ="2001", a tab and an apostrophe are stripped from the order ids.
      expect(['2001', '2002', '2003', '2004'].every((id) => app.services.data.book.rowFor('tmall', id) !== undefined)).toBe(true);
      const first = paidOrders(BASE);
      for (const [from, to] of PERIODS) expect(computed(app, from, to), `${from}..${to ?? from}`).toEqual(expected(first, from, to));
      expect(computed(app, '2026-10-01').orders).toBe(3); // 23:59:59 stays, 00:00:00 moves to Oct 2

      const before = computed(app, '2026-10-01');
      const again = await importFile(tmpFile('ExportOrderList-later.csv', encode(report(UPDATED, eol))), 'orders', app.services);
      expect(again).toMatchObject({ added: 0, replaced: BASE.length - 1, bad: 1 });
      expect(app.services.data.book.size).toBe(BASE.length - 1);
      const later = paidOrders(UPDATED);
      for (const [from, to] of PERIODS) expect(computed(app, from, to), `${from}..${to ?? from}`).toEqual(expected(later, from, to));
      const after = computed(app, '2026-10-01');
      expect(after.gmv).toBe(before.gmv);
      expect(before.net_gmv! - after.net_gmv!).toBe(19900);
      expect(computed(app, '2026-10-03').gmv).toBe(7700);
    });
  }

  it('reads the phone number from the report (apostrophe stripped)', async () => {
    const app = await freshApp();
    await importFile(tmpFile('r.csv', gbk(report(BASE, '\r\n'))), 'orders', app.services);
    const book = app.services.data.book;
    expect(book.order(book.rowFor('tmall', '2001')!).phone).toBe('13800001234');
  });
});
