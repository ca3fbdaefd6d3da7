import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { importTouchingEveryMonth, openStore, yearGmv, yearOfOrders } from './import-fixture.ts';

// The same interrupted import on a real full disk: a small tmpfs, sized so the store fits and
// the import's new files fit only partly. Mounting needs root; where it cannot be done (no
// privilege, no tmpfs) this test is skipped, and the injected ENOSPC test covers the same ground.

const root = mkdtempSync(join(tmpdir(), 'tmpfs-import-'));
const mnt = join(root, 'mnt');
mkdirSync(mnt);
const canMount = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { stdio: 'ignore' });
    execFileSync('umount', [mnt], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const sizeOf = (dir: string): number => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();

let before: string;
let want: { before: number; after: number; storeKb: number; importKb: number };

beforeAll(async () => {
  before = join(root, 'before');
  const s = await openStore(before);
  await applyOrders(s.data, s.repo, yearOfOrders());
  const after = join(root, 'after');
  cpSync(before, after, { recursive: true });
  const a = await openStore(after);
  await applyOrders(a.data, a.repo, importTouchingEveryMonth());
  want = { before: yearGmv((await openStore(before)).data), after: yearGmv((await openStore(after)).data), storeKb: Math.ceil(sizeOf(before) / 1024), importKb: Math.ceil(sizeOf(after) / 1024) };
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('an import on a real full disk (tmpfs)', () => {
  it.skipIf(!canMount)('at six disk sizes between the store and the store plus the import: before or after, no stray file', async () => {
    const outcomes: string[] = [];
    // Each file takes whole 4 KB pages on tmpfs; sizes from the store alone to room for both generations.
    const pages = (kb: number) => Math.ceil(kb / 4) * 4;
    for (let k = 0; k < 6; k++) {
      const sizeKb = pages(want.storeKb + 16 * 4) + k * pages(want.importKb / 4);
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', mnt]);
      try {
        const dir = join(mnt, 'data');
        cpSync(before, dir, { recursive: true });
        const s = await openStore(dir);
        const result = await applyOrders(s.data, s.repo, importTouchingEveryMonth()).then(
          () => 'saved',
          (err: NodeJS.ErrnoException) => err.code ?? err.message,
        );
        const got = yearGmv((await openStore(dir)).data);
        expect([want.before, want.after], `at ${sizeKb} KB (${result})`).toContain(got);
        expect(got, `at ${sizeKb} KB`).toBe(result === 'saved' ? want.after : want.before);
        expect(files(dir).filter((f) => f.endsWith('.tmp')), `at ${sizeKb} KB`).toEqual([]);
        const manifest = JSON.parse(readFileSync(join(dir, 'orders', 'manifest.json'), 'utf8')) as { customers: string; months: Record<string, string> };
        expect(readdirSync(join(dir, 'orders')).sort(), `at ${sizeKb} KB`).toEqual(['manifest.json', ...[manifest.customers, ...Object.values(manifest.months)].map((n) => `${n.slice(7)}.json`)].sort());
        outcomes.push(result);
      } finally {
        execFileSync('umount', [mnt]);
      }
    }
    expect(outcomes).toContain('ENOSPC');
    expect(outcomes).toContain('saved');
  });
});
