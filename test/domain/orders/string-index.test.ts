import { describe, expect, it } from 'vitest';
import { StringIndex } from '../../../src/domain/orders/string-index.ts';

// The open-addressing index behind order-id and name lookups must behave like a Map.

describe('StringIndex', () => {
  it('finds every string it was given, through growth and colliding hashes, like a Map', () => {
    const names: string[] = [];
    const index = new StringIndex((i) => names[i]);
    const map = new Map<string, number>();
    // Many similar strings (shared prefixes and suffixes), some repeated, plus the empty string and non-ASCII.
    const words = Array.from({ length: 30_000 }, (_, i) => (i % 7 === 0 ? `B${i % 1000}` : i % 5 === 0 ? `客户${i}` : `cust${i}@x.store`)).concat(['', '', 'B1']);
    for (const w of words) {
      const id = index.add(w, names.length);
      if (id === names.length) names.push(w);
      if (!map.has(w)) map.set(w, map.size);
      expect(id).toBe(map.get(w));
    }
    expect(index.size).toBe(map.size);
    for (const [w, id] of map) expect(index.get(w)).toBe(id);
    for (const miss of ['B1000', 'cust0@x.stor', '客户', 'x']) expect(index.get(miss), miss).toBe(map.get(miss) ?? -1);
  });
});
