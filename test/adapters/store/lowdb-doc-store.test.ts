import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LowdbDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { Base64Column } from '../../../src/adapters/store/orders/order-segment.ts';

// Large documents are written a piece at a time: the file must still be exactly
// JSON.stringify of the data, and read back equal.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LowdbDocStore', () => {
  it('writes large documents piecewise with the same bytes as JSON.stringify, small ones as before', async () => {
    const docs = new LowdbDocStore(dir);
    const b64 = Buffer.alloc(3_000_000, 7).toString('base64');
    const large = {
      v: 3,
      ids: Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? `B${i}` : i % 3 === 1 ? `客户 "${i}"\n\\` : `emoji 😀 ${i}`)),
      cols: { a: b64, b: 'x'.repeat(5000) + '"quoted"', c: 'short' },
      nested: [{ n: 1, skip: undefined, nan: NaN, neg: -0 }, [undefined, null, true], 'end'],
      empty: {},
      list: [],
    };
    const small = { names: ['a', 'b'], n: 2 };
    const l = await docs.open<unknown>('orders/2026-10', {});
    l.data = large;
    await l.write();
    const s = await docs.open<unknown>('small', {});
    s.data = small;
    await s.write();
    expect(await readFile(join(dir, 'orders', '2026-10.json'), 'utf8')).toBe(JSON.stringify(large));
    expect(await readFile(join(dir, 'small.json'), 'utf8')).toBe(JSON.stringify(small));
    expect((await readdir(join(dir, 'orders'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = await new LowdbDocStore(dir).open<unknown>('orders/2026-10', {});
    expect(again.data).toEqual(JSON.parse(JSON.stringify(large)));
  });

  it('writes a value that comes in pieces (a month\'s base64 column) as its toJSON, without building it whole', async () => {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 7) % 256);
    const col = new Base64Column(bytes);
    const docs = new LowdbDocStore(dir);
    const d = await docs.open<unknown>('orders/2026-11', {});
    d.data = { v: 3, cols: { a: col, b: new Base64Column(new Uint8Array(0)) } };
    await d.write();
    const text = await readFile(join(dir, 'orders', '2026-11.json'), 'utf8');
    expect(text).toBe(JSON.stringify(d.data));
    expect(Buffer.from(JSON.parse(text).cols.a, 'base64')).toEqual(Buffer.from(bytes));
  });
});
