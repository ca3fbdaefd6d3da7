import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { runChild } from '../../support/kill-child.ts';
import { openStore, yearGmv, yearOfOrders, yearRefunds } from './import-fixture.ts';

// A process SIGKILLed at 20 random points of an import touching every month of a year: the
// next start shows exactly the before or the after figures (GMV and refunds over the year, to
// the cent), removes what the dead process left, and says in one line what it rolled back or forward.

const child = fileURLToPath(new URL('./import-child.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'killed-import-'));
const before = join(root, 'before');
let want: { before: [number, number]; after: [number, number] };
let calls = 0;

const figures = async (dir: string) => {
  const s = await openStore(dir);
  return { got: [yearGmv(s.data), yearRefunds(s.data)] as [number, number], recovery: s.repo.state.recovery };
};

/** Every file under the data folder, relative to it. */
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();

function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

beforeAll(async () => {
  const s = await openStore(before);
  await applyOrders(s.data, s.repo, yearOfOrders());
  const after = join(root, 'after');
  cpSync(before, after, { recursive: true });
  const out = await runChild(child, { DATA_DIR: after });
  calls = Number(/done (\d+)/.exec(out)?.[1]);
  want = { before: (await figures(before)).got, after: (await figures(after)).got };
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an import killed part-way', () => {
  it('at 20 random points: the next start shows the before or the after, cleans up, and says so', async () => {
    expect(calls).toBeGreaterThan(40);
    expect(want.after).not.toEqual(want.before);
    const next = random(7);
    const outcomes = new Set<string>();
    for (let k = 0; k < 20; k++) {
      const at = 1 + Math.floor(next() * calls);
      const dir = join(root, `kill-${k}`);
      cpSync(before, dir, { recursive: true });
      const out = await runChild(child, { DATA_DIR: dir, KILL_AT: String(at) });
      expect(out, `killed at call ${at}`).toBe('started\n');
      const left = files(dir);
      const { got, recovery } = await figures(dir);
      expect([want.before, want.after], `killed at call ${at}`).toContainEqual(got);
      const outcome = got[0] === want.after[0] ? 'after' : 'before';
      outcomes.add(outcome);
      // Whatever the dead process left beyond the committed files is gone, and one line said what happened.
      const manifest = JSON.parse(readFileSync(join(dir, 'orders', 'manifest.json'), 'utf8')) as { customers: string; months: Record<string, string> };
      const committed = ['orders/manifest.json', ...[manifest.customers, ...Object.values(manifest.months)].map((n) => `${n}.json`)].sort();
      expect(files(dir), `killed at call ${at}`).toEqual(committed);
      if (left.length > committed.length) expect(recovery, `killed at call ${at}`).toMatch(outcome === 'after' ? /rolled forward/ : /rolled back|temporary/);
      rmSync(dir, { recursive: true, force: true });
    }
    // The seeded points fall both before the commit and after it (while superseded files are removed).
    expect([...outcomes].sort()).toEqual(['after', 'before']);
  }, 180_000);
});
