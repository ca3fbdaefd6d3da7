import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocSeenBefore } from '../../../src/adapters/store/doc-seen-before.ts';
import { LowdbDocStore, MemoryDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import type { Doc, DocStore } from '../../../src/domain/ports.ts';

// The one seen-before store every adapter drops repeated deliveries with: one pass per key,
// kept on disk across a restart, for a while, and at most so many; a burst is one write.

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'seen-before-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const clockAt = (iso: string) => {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
};

/** Counts the writes a store makes. */
function counting(inner: DocStore) {
  const counter = { writes: 0 };
  const store: DocStore = {
    ...inner,
    list: (p) => inner.list(p),
    remove: (n) => inner.remove(n),
    async open<T>(name: string, defaults: T): Promise<Doc<T>> {
      const doc = await inner.open(name, defaults);
      return {
        get data() {
          return doc.data;
        },
        set data(v: T) {
          doc.data = v;
        },
        write: async () => {
          counter.writes++;
          await doc.write();
        },
      };
    },
  };
  return { store, counter };
}

describe('seen before (on the document store)', () => {
  it('lets one of two concurrent copies through, and still knows the key after a restart on disk', async () => {
    const dir = tempDir();
    const seen = new DocSeenBefore(new LowdbDocStore(dir), 'telegram/seen');
    expect(await Promise.all([seen.seen('update:5'), seen.seen('update:5')])).toEqual([false, true]);
    const restarted = new DocSeenBefore(new LowdbDocStore(dir), 'telegram/seen');
    expect(await restarted.seen('update:5')).toBe(true);
    expect(await restarted.seen('update:6')).toBe(false);
  });

  it('forgets a key whose handling failed, so the retry is handled', async () => {
    const seen = new DocSeenBefore(new MemoryDocStore(), 'slack/seen');
    expect(await seen.seen('event:Ev1')).toBe(false);
    await seen.forget('event:Ev1');
    expect(await seen.seen('event:Ev1')).toBe(false);
    expect(await seen.seen('event:Ev1')).toBe(true);
  });

  it('keeps a key for the platform’s repeat horizon and at most `max` keys, oldest first', async () => {
    const clock = clockAt('2026-11-27T02:00:00Z');
    const docs = new MemoryDocStore();
    const seen = new DocSeenBefore(docs, 'slack/seen', { clock, keepMs: 2 * 3_600_000, max: 3 });
    await seen.seen('a');
    clock.advance(3_600_000);
    expect(await seen.seen('a')).toBe(true);
    clock.advance(3_600_000 + 1);
    expect(await seen.seen('a')).toBe(false); // past two hours: a repeat now is a new delivery
    for (const k of ['b', 'c', 'd']) await seen.seen(k);
    const stored = (await docs.open<{ keys: [string, number][] }>('slack/seen', { keys: [] })).data.keys.map(([k]) => k);
    expect(stored).toEqual(['b', 'c', 'd']);
  });

  it('writes a burst of 200 deliveries once, and each caller returns after its mark is on disk', async () => {
    const dir = tempDir();
    const { store, counter } = counting(new LowdbDocStore(dir));
    const seen = new DocSeenBefore(store, 'telegram/seen');
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => seen.seen(`update:${i}`)));
    expect(results.every((r) => r === false)).toBe(true);
    expect(counter.writes).toBe(1);
    const restarted = new DocSeenBefore(new LowdbDocStore(dir), 'telegram/seen');
    expect(await restarted.seen('update:199')).toBe(true);
  });

  it('keeps up with a Telegram burst on disk: 1000 updates arriving 50 at a time, each batch one flushed write', async () => {
    const seen = new DocSeenBefore(new LowdbDocStore(tempDir()), 'telegram/seen');
    const started = performance.now();
    for (let b = 0; b < 20; b++) await Promise.all(Array.from({ length: 50 }, (_, i) => seen.seen(`update:${b * 50 + i}`)));
    const ms = performance.now() - started;
    console.log(`seen-before: 1000 updates in 20 bursts on disk (fsync) in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000);
  });
});
