import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Journal } from '../../../../src/adapters/ingest/live/journal.ts';

it('appends racing with cuts: every acknowledged entry is in exactly one closed segment, none lost or torn', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-'));
  const j = new Journal<{ n: number }>(dir, false);
  const acked: number[] = [];
  const read: number[] = [];
  const cuts: Promise<void>[] = [];
  const writes: Promise<void>[] = [];
  for (let n = 0; n < 600; n++) {
    writes.push(j.append({ n }).then(() => void acked.push(n)));
    if (n % 37 === 0) {
      cuts.push(j.cut().then((segs) => {
        for (const s of segs) {
          read.push(...j.read(s).map((e) => e.n));
          j.remove(s);
        }
      }));
    }
    if (n % 50 === 0) await new Promise((r) => setImmediate(r));
  }
  await Promise.all(writes);
  await Promise.all(cuts);
  for (const s of await j.cut()) read.push(...j.read(s).map((e) => e.n));
  expect(acked).toHaveLength(600);
  expect(read.sort((a, b) => a - b)).toEqual(Array.from({ length: 600 }, (_, i) => i));
});

it('a new journal on the same folder continues after the segments left there', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-'));
  const a = new Journal<{ n: number }>(dir, false);
  await a.append({ n: 1 });
  await a.close();
  const b = new Journal<{ n: number }>(dir, false);
  await b.append({ n: 2 });
  const segs = await b.cut();
  expect(segs).toHaveLength(2);
  expect(segs.flatMap((s) => b.read(s).map((e) => e.n))).toEqual([1, 2]);
});
