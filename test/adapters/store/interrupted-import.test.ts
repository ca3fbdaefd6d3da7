import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { countingOps, importTouchingEveryMonth, openStore, yearGmv, yearOfOrders, yearRefunds } from './import-fixture.ts';

// A full disk (ENOSPC) at 20 random points of an import that touches every month of a year:
// the next start shows exactly the figures before the import or after it, never a mix, and
// no temporary or uncommitted file is left.

const root = mkdtempSync(join(tmpdir(), 'enospc-'));
let before: string;
let want: { before: [number, number]; after: [number, number] };
let importOps = 0;

/** Files that must not outlive a start: temporary files, and order files the manifest does not name. */
function strayFiles(dir: string): string[] {
  const names = readdirSync(join(dir, 'orders'));
  const manifest = JSON.parse(readFileSync(join(dir, 'orders', 'manifest.json'), 'utf8')) as { customers: string; months: Record<string, string> };
  const named = new Set([manifest.customers, ...Object.values(manifest.months)].map((n) => `${n.slice('orders/'.length)}.json`));
  return [...names.filter((n) => n !== 'manifest.json' && !named.has(n)), ...readdirSync(dir).filter((n) => n.endsWith('.tmp'))];
}

const figures = async (dir: string): Promise<[number, number]> => {
  const s = await openStore(dir);
  return [yearGmv(s.data), yearRefunds(s.data)];
};

/** A seeded generator, so a failing point can be run again. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

beforeAll(async () => {
  before = join(root, 'before');
  const s = await openStore(before);
  await applyOrders(s.data, s.repo, yearOfOrders());
  const after = join(root, 'after');
  cpSync(before, after, { recursive: true });
  const ops = countingOps();
  const a = await openStore(after, ops);
  const from = ops.count;
  await applyOrders(a.data, a.repo, importTouchingEveryMonth());
  importOps = ops.count - from;
  want = { before: await figures(before), after: await figures(after) };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an import cut short by a full disk', () => {
  it('the fixture: the import changes the year figures and is many file calls long', () => {
    expect(want.after[0]).not.toBe(want.before[0]);
    expect(want.after[1]).not.toBe(want.before[1]);
    expect(importOps).toBeGreaterThan(40);
  });

  it('at 20 random points leaves exactly the before or the after, and no stray file', async () => {
    const next = random(13);
    const seen = new Set<string>();
    for (let k = 0; k < 20; k++) {
      const failAt = 1 + Math.floor(next() * importOps);
      const dir = join(root, `run-${k}`);
      cpSync(before, dir, { recursive: true });
      let failed = '';
      let base = Infinity;
      const ops = countingOps((n, call) => {
        if (n !== base + failAt) return false;
        failed = call;
        return true;
      });
      const s = await openStore(dir, ops);
      base = ops.count;
      await expect(applyOrders(s.data, s.repo, importTouchingEveryMonth()), `failure at call ${failAt} (${failed})`).rejects.toThrow('ENOSPC');
      const got = await figures(dir);
      expect([want.before, want.after], `after failing at call ${failAt} (${failed})`).toContainEqual(got);
      seen.add(failed);
      expect(strayFiles(dir), `after failing at call ${failAt} (${failed})`).toEqual([]);
      // The process that hit the full disk still holds the import; once space is back its next save commits it whole.
      base = Infinity;
      await applyOrders(s.data, s.repo, importTouchingEveryMonth().slice(0, 1));
      expect(await figures(dir)).toEqual(want.after);
      rmSync(dir, { recursive: true, force: true });
    }
    // The points fell on more than one kind of call.
    expect(seen.size).toBeGreaterThan(1);
  });
});
