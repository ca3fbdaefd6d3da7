import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LowdbDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { applyOrders, applySeries } from '../../../src/domain/orders/apply-orders.ts';
import { OrderRepository } from '../../../src/adapters/store/orders/order-repository.ts';
import type { Doc, DocStore } from '../../../src/domain/ports.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { newData, order, snapshot } from './helpers.ts';

// Saving to monthly segments on disk and loading them back, including after a crash.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orders-repo-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The months the committed manifest names, and the file holding one of them. */
async function months(): Promise<string[]> {
  return Object.keys(JSON.parse(await readFile(join(dir, 'orders', 'manifest.json'), 'utf8')).months).sort();
}
async function monthFile(m: string): Promise<string> {
  return join(dir, `${JSON.parse(await readFile(join(dir, 'orders', 'manifest.json'), 'utf8')).months[m]}.json`);
}

async function open() {
  const data = newData();
  const repo = new OrderRepository(new LowdbDocStore(dir), data);
  await repo.load();
  return { data, repo };
}

const sample: Order[] = [
  order('1', { paid: '2026-10-31T23:59:59+08:00', customer: 'alice', channel: 'tmall', amount: 12345, couponCode: 'VIP', phone: '13800000001' }),
  order('2', { paid: '2026-11-01T00:00:00+08:00', customer: 'bob', channel: 'jd', amount: 20000, refunded: 20000, lines: [{ sku: 'A', qty: 1, amount: 5000 }, { sku: 'B', qty: 3, amount: 15000 }] }),
  order('3', { created: '2026-11-02T10:00:00+08:00', customer: 'carol' }),
  order('4', { paid: '2026-11-03T12:00:00+08:00', status: 'cancelled', customer: 'dave', channel: 'douyin' }),
  order('5', { platform: 'tmall', paid: '2026-09-15T08:00:00+08:00', customer: 'alice', channel: 'tmall', lines: [] }),
];

describe('OrderRepository', () => {
  it('loads back exactly the orders it saved, one segment per month', async () => {
    const a = await open();
    expect(await applyOrders(a.data, a.repo, sample)).toEqual({ added: 5, replaced: 0 });
    await applySeries(a.data, a.repo, 'traffic', [{ day: a.data.book.day.data[0], channel: 'tmall', value: 321 }]);
    expect(await months()).toEqual(['2026-09', '2026-10', '2026-11']);
    const b = await open();
    expect(snapshot(b.data)).toEqual(snapshot(a.data));
    expect(b.data.traffic.toRows()).toEqual(a.data.traffic.toRows());
    expect(b.repo.rev).toBe(a.repo.rev);
    expect(b.data.rollups.gmv).toEqual(a.data.rollups.gmv);
  });

  it('a re-imported order replaces the old one, also when it moves to another month', async () => {
    const a = await open();
    await applyOrders(a.data, a.repo, sample);
    const moved = { ...sample[0], paidAt: Date.parse('2026-11-20T10:00:00+08:00'), refunded: 345 };
    expect(await applyOrders(a.data, a.repo, [moved])).toEqual({ added: 0, replaced: 1 });
    const b = await open();
    expect(b.data.book.size).toBe(5);
    expect(snapshot(b.data)['own:1']).toEqual(moved);
    expect(await months()).toEqual(['2026-09', '2026-11']);
  });

  it('a save that fails part-way (the month that lost the order is never written) leaves the figures before it', async () => {
    // Issue 13 changed this: a save used to be month by month (a crash could leave an order in two
    // months, resolved by revision); it is now committed whole, so the failed import is simply not there.
    for (const [first, second] of [
      ['2026-10-20T10:00:00+08:00', '2026-11-20T10:00:00+08:00'],
      ['2026-11-20T10:00:00+08:00', '2026-10-20T10:00:00+08:00'],
    ]) {
      await rm(dir, { recursive: true, force: true });
      const a = await open();
      await applyOrders(a.data, a.repo, [order('9', { paid: first, amount: 1000 }), order('10', { paid: '2026-10-05T10:00:00+08:00' }), order('11', { paid: '2026-11-05T10:00:00+08:00' })]);
      const docs = new LowdbDocStore(dir);
      const lostMonth = `orders/${first.slice(0, 7)}`;
      let powerCut = true;
      const dying: DocStore = {
        list: (p) => docs.list(p),
        remove: (n) => docs.remove(n),
        async open<T>(name: string, defaults: T): Promise<Doc<T>> {
          const doc = await docs.open(name, defaults);
          if (!name.startsWith(`${lostMonth}.`) || !powerCut) return doc;
          return { get data() { return doc.data; }, set data(d: T) { doc.data = d; }, write: () => Promise.reject(new Error('power cut')) };
        },
      };
      const crashing = newData();
      const repo = new OrderRepository(dying, crashing);
      await repo.load();
      await expect(applyOrders(crashing, repo, [order('9', { paid: second, amount: 2000 })])).rejects.toThrow('power cut');
      const b = await open();
      expect(b.data.book.size).toBe(3);
      expect(snapshot(b.data)['own:9']).toMatchObject({ amount: 1000, paidAt: Date.parse(first) });
      const gmv = b.data.rollups.gmv.reduce((x, y) => x + y, 0);
      expect(gmv).toBe(1000 + 10000 + 10000);
      // The failed save's new month file was removed; only the committed files remain.
      const files = await docs.list('orders/');
      const manifest = JSON.parse(await readFile(join(dir, 'orders', 'manifest.json'), 'utf8'));
      expect(files.filter((n) => n !== 'orders/manifest').sort()).toEqual([manifest.customers, ...Object.values(manifest.months)].sort());
      // The process that failed still holds the import in memory: its next save commits it whole.
      powerCut = false;
      await applyOrders(crashing, repo, [order('12', { paid: '2026-09-05T10:00:00+08:00' })]);
      const c = await open();
      expect(snapshot(c.data)).toEqual(snapshot(crashing));
      expect(c.data.book.size).toBe(4);
    }
  });

  it('reads month segments in format 2 (platform:id keys) as they were', async () => {
    const a = await open();
    await applyOrders(a.data, a.repo, [...sample, order('x:y', { platform: 'tmall', paid: '2026-11-05T08:00:00+08:00', customer: 'erin' })]);
    // Rewrite each saved month as format 2 wrote it: one `platform:id` key per order, no platform column.
    for (const m of ['2026-09', '2026-10', '2026-11']) {
      const file = await monthFile(m);
      const v3 = JSON.parse(await readFile(file, 'utf8'));
      const plat = Buffer.from(v3.cols.platform, 'base64');
      const { platform: _, ...cols } = v3.cols;
      const v2 = { v: 2, key: v3.ids.map((id: string, i: number) => `${v3.platforms[plat[i]]}:${id}`), channels: v3.channels, skus: v3.skus, coupons: v3.coupons, cols };
      await writeFile(file, JSON.stringify(v2));
    }
    const b = await open();
    expect(snapshot(b.data)).toEqual(snapshot(a.data));
    expect(b.data.book.rowFor('tmall', 'x:y')).toBeDefined();
  });

  it('reads month segments in the first format and rewrites them in the current one when they change', async () => {
    const v1 = {
      v: 1,
      key: ['own:a', 'tmall:b'],
      channel: ['tmall', 'jd'],
      customer: ['alice', 'bob'],
      created: [Date.parse('2026-10-02T09:00:00+08:00'), Date.parse('2026-10-03T09:00:00+08:00')],
      paid: [Date.parse('2026-10-02T09:05:00+08:00'), null],
      status: [0, 2],
      amount: [5000, 7000],
      refunded: [100, 0],
      coupon: ['VIP', null],
      rev: [3, 4],
      lines: [2, 0],
      sku: ['A', 'B'],
      qty: [1, 2],
      lineAmount: [2000, 3000],
      phones: { alice: '13900000000' },
    };
    await mkdir(join(dir, 'orders'), { recursive: true });
    await writeFile(join(dir, 'orders', '2026-10.json'), JSON.stringify(v1));
    const a = await open();
    const want = {
      'own:a': { platform: 'own', orderId: 'a', channel: 'tmall', customer: 'alice', createdAt: v1.created[0], paidAt: v1.paid[0], status: 'paid', amount: 5000, refunded: 100, couponCode: 'VIP', phone: '13900000000', lines: [{ sku: 'A', qty: 1, amount: 2000 }, { sku: 'B', qty: 2, amount: 3000 }] },
      'tmall:b': { platform: 'tmall', orderId: 'b', channel: 'jd', customer: 'bob', createdAt: v1.created[1], status: 'unpaid', amount: 7000, refunded: 0, lines: [] },
    };
    expect(snapshot(a.data)).toEqual(want);
    expect(a.repo.rev).toBe(4);
    await applyOrders(a.data, a.repo, [order('c', { paid: '2026-10-09T10:00:00+08:00', customer: 'bob', phone: '13700000000' })]);
    expect(JSON.parse(await readFile(await monthFile('2026-10'), 'utf8')).v).toBe(3);
    const b = await open();
    expect(snapshot(b.data)).toEqual({ ...want, 'tmall:b': { ...want['tmall:b'], phone: '13700000000' }, 'own:c': snapshot(a.data)['own:c'] });
    expect(b.repo.rev).toBe(5);
  });
});
