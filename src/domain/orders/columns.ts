// Growable typed-array columns: a million orders fit in a few tens of megabytes
// and scan in a millisecond, which plain objects cannot do.

import { StringIndex } from './string-index.ts';

type TypedArray = Int32Array | Float64Array | Uint8Array | Uint16Array;
type Ctor<T extends TypedArray> = { new (n: number): T };

export class Column<T extends TypedArray> {
  data: T;
  constructor(private readonly ctor: Ctor<T>, capacity = 1024) {
    this.data = new ctor(capacity);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length || 1024;
    while (cap < n) cap *= 2;
    const next = new this.ctor(cap);
    next.set(this.data as never);
    this.data = next;
  }
}

/** Up to this many names, id() scans the list instead of hashing. */
const SMALL = 8;

/** Strings interned to small integers (channels, customers, SKUs, coupon codes). */
export class Interner {
  readonly names: string[] = [];
  // Built on first lookup: a store loaded with 300,000 customer names answers
  // questions without ever hashing them.
  private index?: StringIndex;
  private lastName: string | undefined;
  private lastId = -1;

  /** Takes over a list of names loaded from disk, their positions being their ids. */
  adopt(names: string[]): void {
    if (this.names.length > 0) throw new Error('Interner.adopt needs an empty interner');
    for (const n of names) this.names.push(n);
    this.index = undefined;
    this.lastName = undefined;
  }

  private lookup(): StringIndex {
    if (!this.index) {
      const names = this.names;
      this.index = new StringIndex((i) => names[i], names.length);
      for (let i = 0; i < names.length; i++) this.index.add(names[i], i);
    }
    return this.index;
  }

  id(name: string): number {
    // Channels, platforms, SKUs and coupons are few: comparing against the last
    // hit and then a short list is cheaper than hashing a freshly parsed string.
    if (name === this.lastName) return this.lastId;
    const names = this.names;
    if (names.length <= SMALL) {
      for (let k = 0; k < names.length; k++) {
        if (names[k] === name) {
          this.lastName = names[k];
          return (this.lastId = k);
        }
      }
    }
    const i = this.lookup().add(name, names.length);
    // Keep a copy: a name cut from a parsed file chunk would otherwise keep the whole chunk alive.
    if (i === names.length) names.push(detach(name));
    this.lastName = this.names[i];
    return (this.lastId = i);
  }
  find(name: string): number | undefined {
    const i = this.lookup().get(name);
    return i < 0 ? undefined : i;
  }
  get size(): number {
    return this.names.length;
  }
}

/** A string that shares no memory with the (possibly much larger) string it was sliced from. */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
