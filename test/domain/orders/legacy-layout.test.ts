import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LowdbDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { OrderRepository } from '../../../src/adapters/store/orders/order-repository.ts';
import { newData, order, snapshot } from './helpers.ts';

// A data folder written before manifests (order-customers.json, orders/<month>.json, and
// orders-saving.json while a save ran) still loads, and is moved to the manifest layout once.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'legacy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function open() {
  const data = newData();
  const repo = new OrderRepository(new LowdbDocStore(dir), data);
  await repo.load();
  return { data, repo };
}
const manifest = () => JSON.parse(readFileSync(join(dir, 'orders', 'manifest.json'), 'utf8')) as { gen: number; customers: string; months: Record<string, string> };

/** Renames the files of the last save to the old layout's names and drops the manifest. */
function toOldLayout(): void {
  const m = manifest();
  renameSync(join(dir, `${m.customers}.json`), join(dir, 'order-customers.json'));
  for (const [month, name] of Object.entries(m.months)) renameSync(join(dir, `${name}.json`), join(dir, 'orders', `${month}.json`));
  rmSync(join(dir, 'orders', 'manifest.json'));
}

const sample = [order('9', { paid: '2026-10-20T10:00:00+08:00', amount: 1000 }), order('10', { paid: '2026-10-05T10:00:00+08:00' }), order('11', { paid: '2026-11-05T10:00:00+08:00', customer: 'bob' })];

describe('a data folder of the old layout', () => {
  it('loads as it was and is listed in a manifest without rewriting a file', async () => {
    const a = await open();
    await applyOrders(a.data, a.repo, sample);
    toOldLayout();
    const b = await open();
    expect(snapshot(b.data)).toEqual(snapshot(a.data));
    expect(b.repo.state.recovery).toBe('orders: moved 2 months to the manifest layout; the existing files are now listed in orders/manifest');
    expect(manifest()).toEqual({ v: 1, gen: 0, customers: 'order-customers', months: { '2026-10': 'orders/2026-10', '2026-11': 'orders/2026-11' } });
    // The next import writes generation 1 and removes the old files it supersedes.
    await applyOrders(b.data, b.repo, [order('12', { paid: '2026-10-06T10:00:00+08:00', customer: 'carol' })]);
    expect(existsSync(join(dir, 'orders', '2026-10.json'))).toBe(false);
    expect(existsSync(join(dir, 'order-customers.json'))).toBe(false);
    expect(existsSync(join(dir, 'orders', '2026-11.json'))).toBe(true);
    const c = await open();
    expect(snapshot(c.data)).toEqual(snapshot(b.data));
    expect(c.repo.state.recovery).toBeUndefined();
  });

  it('after an interrupted save of the old layout (an order in two months, the marker left) the newer revision wins, and it is written out clean', async () => {
    const a = await open();
    await applyOrders(a.data, a.repo, sample);
    const octoberBefore = join(dir, 'october-before.json');
    copyFileSync(join(dir, `${manifest().months['2026-10']}.json`), octoberBefore);
    await applyOrders(a.data, a.repo, [order('9', { paid: '2026-11-20T10:00:00+08:00', amount: 2000 })]);
    toOldLayout();
    // The old save died after writing November and before October: order 9 is in both.
    renameSync(octoberBefore, join(dir, 'orders', '2026-10.json'));
    writeFileSync(join(dir, 'orders-saving.json'), JSON.stringify({ months: ['2026-11', '2026-10'] }));
    const b = await open();
    expect(snapshot(b.data)).toEqual(snapshot(a.data));
    expect(b.data.rollups.gmv.reduce((x, y) => x + y, 0)).toBe(2000 + 10000 + 10000);
    expect(b.repo.state.recovery).toMatch(/an interrupted save of the old layout was resolved by revision and written as generation 1/);
    expect(readdirSync(dir).sort()).toEqual(['orders']);
    expect(readdirSync(join(dir, 'orders')).sort()).toEqual(['2026-10.g1.json', '2026-11.g1.json', 'customers.g1.json', 'manifest.json']);
    const c = await open();
    expect(snapshot(c.data)).toEqual(snapshot(a.data));
  });
});
