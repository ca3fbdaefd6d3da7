import { describe, expect, it } from 'vitest';
import { ImportError, importFile } from '../../../src/adapters/ingest/import-file.ts';
import { measure } from '../../../src/domain/metrics/measure.ts';
import { computed, csvLine, days, expected, figure, freshApp, shanghaiDate, tmpFile, type Paid } from './ingest-helpers.ts';

// The project's own order schema as CSV and as JSONL: figures to the cent, midnight
// boundaries in Asia/Shanghai, bad rows by line number, and files that change nothing.

const HEADER = 'platform,order_id,channel,customer,created_at,paid_at,status,amount,refunded,coupon_code,phone,items';

interface Raw {
  id: string;
  channel: string;
  customer: string;
  created: string;
  paid: string;
  status: 'paid' | 'cancelled' | 'unpaid';
  amount: string;
  refunded: string;
  items: { sku: string; qty: number; amount: string }[];
}

const ORDERS: Raw[] = [
  { id: 'A1', channel: 'douyin', customer: 'u1', created: '2026-10-01T08:00:00+08:00', paid: '2026-10-01T08:00:10+08:00', status: 'paid', amount: '398.00', refunded: '0.00', items: [{ sku: 'SK-1', qty: 2, amount: '398.00' }] },
  { id: 'A2', channel: '抖音', customer: 'u1', created: '2026-10-01T12:00:00+08:00', paid: '2026-10-01T12:00:10+08:00', status: 'paid', amount: '99.90', refunded: '9.90', items: [{ sku: 'SK-2', qty: 1, amount: '99.90' }] },
  { id: 'A3', channel: 'tmall', customer: 'u2', created: '2026-10-01T23:59:00+08:00', paid: '2026-10-01T23:59:59+08:00', status: 'paid', amount: '0.01', refunded: '0.00', items: [] },
  { id: 'A4', channel: 'tmall', customer: 'u3', created: '2026-10-01T23:59:30+08:00', paid: '2026-10-02T00:00:00+08:00', status: 'paid', amount: '12.34', refunded: '0.00', items: [{ sku: 'SK:colon', qty: 1, amount: '12.34' }] },
  { id: 'A5', channel: 'jd', customer: 'u2', created: '2026-10-01T16:00:00Z', paid: '2026-10-01T16:30:00Z', status: 'paid', amount: '1000.00', refunded: '1000.00', items: [{ sku: 'SK-3', qty: 1, amount: '1000.00' }] },
  { id: 'A6', channel: 'jd', customer: 'u4', created: '2026-10-02T09:00:00+08:00', paid: '2026-10-02T09:00:01+08:00', status: 'cancelled', amount: '50.00', refunded: '0.00', items: [] },
  { id: 'A7', channel: 'jd', customer: 'u5', created: '2026-10-02T10:00:00+08:00', paid: '', status: 'unpaid', amount: '70.00', refunded: '0.00', items: [] },
];

const csv = (rows: Raw[]) => [HEADER, ...rows.map((o) => csvLine(['own', o.id, o.channel, o.customer, o.created, o.paid, o.status, o.amount, o.refunded, '', '', o.items.map((i) => `${i.sku}:${i.qty}:${i.amount}`).join('|')]))].join('\n') + '\n';
const jsonl = (rows: Raw[]) => rows.map((o) => JSON.stringify({ platform: 'own', order_id: o.id, channel: o.channel, customer: o.customer, created_at: o.created, paid_at: o.paid || null, status: o.status, amount: o.amount, refunded: o.refunded, items: o.items })).join('\n') + '\n';

function paidOrders(rows: Raw[]): Paid[] {
  // Paid, or cancelled after payment (then refunded in full when no refund is given); cancelled before payment stays out.
  return rows
    .filter((o) => o.status === 'paid' || (o.status === 'cancelled' && o.paid))
    .map((o) => {
      const amount = Math.round(Number(o.amount) * 100);
      const refunded = Math.round(Number(o.refunded) * 100);
      return { customer: o.customer, date: shanghaiDate(Date.parse(o.paid)), amount, refunded: o.status === 'cancelled' && refunded === 0 ? amount : refunded };
    });
}

describe('importing the own order schema', () => {
  for (const [format, write] of [['own-csv', csv], ['own-jsonl', jsonl]] as const) {
    it(`${format}: figures agree to the cent; midnight Asia/Shanghai splits the days`, async () => {
      const app = await freshApp();
      const s = await importFile(tmpFile('orders.data', write(ORDERS)), 'orders', app.services);
      expect(s).toMatchObject({ format, added: ORDERS.length, replaced: 0, bad: 0 });
      const paid = paidOrders(ORDERS);
      for (const [from, to] of [['2026-10-01'], ['2026-10-02'], ['2026-10-01', '2026-10-02']]) expect(computed(app, from, to)).toEqual(expected(paid, from, to));
      // 23:59:59+08:00 is Oct 1; 00:00:00+08:00 and 16:30Z are Oct 2.
      expect(figure(app, 'orders', days('2026-10-01'))).toBe(3);
      expect(figure(app, 'orders', days('2026-10-02'))).toBe(3); // A6 was cancelled after payment: paid on its day, refunded in full
      // 抖音 and douyin are one channel.
      const byChannel = app.services.data.book.channels.names;
      expect(byChannel.filter((c) => c === 'douyin')).toHaveLength(1);
      expect(byChannel).not.toContain('抖音');
      const book = app.services.data.book;
      expect(book.order(book.rowFor('own', 'A4')!).lines).toEqual([{ sku: 'SK:colon', qty: 1, amount: 1234 }]);
    });
  }

  it('reports bad rows with their line numbers and keeps the good ones', async () => {
    const app = await freshApp();
    const good = csv(ORDERS.slice(0, 2)).trimEnd().split('\n');
    const lines = [
      ...good, // lines 1-3
      'own,B1,tmall,u9,2026-10-01T08:00:00+08:00,2026-10-01T08:00:00+08:00,paid,12.3.4,0,,,', // 4: amount
      '', // 5: blank lines are skipped but counted
      'own,B2,tmall,u9,2026-10-01T08:00:00+08:00,,paid,10.00,0,,,', // 6: paid without paid_at
      'own,B3,tmall,u9,2026-10-01T08:00:00+08:00,2026-10-01T08:00:00+08:00,paid,10.00', // 7: too few fields
      'own,B4,tmall,u9,2026-10-01T08:00:00+08:00,2026-10-01T08:00:00+08:00,paid,10.00,20.00,,,', // 8: refund > amount
      'own,B5,tmall,u9,2026-10-01 08:00:00,2026-10-01 08:00:00,paid,10.00,0,,,', // 9: no offset
      'own,B6,tmall,"u9 with a\nnewline",2026-10-01T08:00:00+08:00,2026-10-01T08:00:00+08:00,shipped,10.00,0,,,', // 10-11: status
      'own,B7,tmall,u9,2026-10-01T08:00:00+08:00,2026-10-01T08:00:00+08:00,paid,10.00,0,,,SK-1:two:10.00', // 12: item
      'own,B8,tmall,u9,2026-10-01T08:00:00+08:00,2026-10-01T08:00:00+08:00,paid,10.00,0,,,SK-1:1:10.00', // 13: good
    ];
    const s = await importFile(tmpFile('mixed.csv', lines.join('\n')), 'orders', app.services);
    expect(s.added).toBe(3);
    expect(s.bad).toBe(7);
    expect(s.problems.map((p) => p.line)).toEqual([4, 6, 7, 8, 9, 10, 12]);
    expect(s.problems[0].reason).toContain('amount "12.3.4"');
    expect(s.problems[1].reason).toContain('paid_at');
    expect(s.problems[2].reason).toContain('fields');
    expect(s.problems[3].reason).toContain('larger than the amount');
    expect(s.problems[4].reason).toContain('offset');
    expect(s.problems[5].reason).toContain('status "shipped"');
    expect(s.problems[6].reason).toContain('SK-1:two:10.00');
  });

  it('JSONL: a line that is not JSON or misses fields is reported by line', async () => {
    const app = await freshApp();
    const text = jsonl(ORDERS.slice(0, 1)) + '{not json\n\n' + JSON.stringify({ platform: 'own', order_id: 'J2', channel: 'jd', customer: 'u1', created_at: '2026-10-01T08:00:00+08:00', status: 'paid', amount: '5.00' }) + '\n';
    const s = await importFile(tmpFile('o.jsonl', text), 'orders', app.services);
    expect(s).toMatchObject({ format: 'own-jsonl', added: 1, bad: 2 });
    expect(s.problems).toEqual([
      { line: 2, reason: 'is not a JSON object' },
      { line: 4, reason: 'a paid order needs paid_at' },
    ]);
  });
});

describe('files that cannot be imported change nothing', () => {
  async function storeWithOrders() {
    const app = await freshApp();
    await importFile(tmpFile('o.csv', csv(ORDERS)), 'orders', app.services);
    return app;
  }
  const snapshot = async (app: Awaited<ReturnType<typeof freshApp>>) => ({
    size: app.services.data.book.size,
    gmv: figure(app, 'gmv', days('2026-10-01', '2026-10-02')),
    docs: await app.services.docs.list(''),
    rev: app.services.orders.rev,
  });

  it('an unknown format is refused with the columns it expected', async () => {
    const app = await storeWithOrders();
    const before = await snapshot(app);
    const path = tmpFile('orders.csv', 'Invoice,Customer,Value\n1,x,9.99\n');
    const err = await importFile(path, 'orders', app.services).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toContain('unknown format');
    expect(err.message).toContain('订单编号');
    expect(err.message).toContain('Financial Status');
    expect(err.message).toContain(HEADER);
    expect(err.message.split('\n')).toHaveLength(1);
    expect(await snapshot(app)).toEqual(before);
  });

  it('a missing file, an empty file and an own CSV missing columns are refused', async () => {
    const app = await storeWithOrders();
    const before = await snapshot(app);
    await expect(importFile('/nonexistent/orders.csv', 'orders', app.services)).rejects.toThrow(/cannot read .*no such file/);
    await expect(importFile(tmpFile('empty.csv', '\n\n'), 'orders', app.services)).rejects.toThrow(/empty/);
    await expect(importFile(tmpFile('short.csv', 'order_id,status,amount\nX,paid,1.00\n'), 'orders', app.services)).rejects.toThrow(/missing platform, channel/);
    await expect(importFile(tmpFile('t.csv', csv(ORDERS)), 'traffic', app.services)).rejects.toThrow(/date,channel,visitors/);
    expect(await snapshot(app)).toEqual(before);
  });
});

describe('importing visitors and ad spend', () => {
  it('sums per day and channel, Chinese channel names included; a re-import replaces values', async () => {
    const app = await freshApp();
    const traffic = 'date,channel,visitors\n2026-10-01,douyin,1200\n2026-10-01,天猫,800\n2026-10-02,抖音,1000\n2026-13-01,douyin,5\n2026-10-02,jd,many\n';
    const t = await importFile(tmpFile('uv.csv', traffic), 'traffic', app.services);
    expect(t).toMatchObject({ format: 'traffic', added: 3, bad: 2 });
    expect(t.problems.map((p) => p.line)).toEqual([5, 6]);
    expect(figure(app, 'uv', days('2026-10-01'))).toBe(2000);
    expect(measureChannel(app, 'uv', '2026-10-01', '2026-10-02', 'douyin')).toBe(2200);
    const spend = '日期,渠道,花费\n2026-10-01,抖音,350.50\n2026-10-01,tmall,"1,000.00"\n';
    const sp = await importFile(tmpFile('spend.csv', spend), 'spend', app.services);
    expect(sp).toMatchObject({ format: 'spend', added: 2, bad: 0 });
    expect(figure(app, 'spend', days('2026-10-01'))).toBe(135050);
    const again = await importFile(tmpFile('spend2.csv', 'date,channel,amount\n2026-10-01,douyin,300.00\n'), 'spend', app.services);
    expect(again).toMatchObject({ added: 0, replaced: 1 });
    expect(figure(app, 'spend', days('2026-10-01'))).toBe(130000);
  });
});

function measureChannel(app: Awaited<ReturnType<typeof freshApp>>, metric: 'uv', from: string, to: string, channel: string) {
  return measure(app.services.data, metric, days(from, to), 'channel').rows?.find((r) => r.key === channel)?.value;
}
