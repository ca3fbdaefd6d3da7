// Growable typed-array columns: a million orders fit in a few tens of megabytes
// and scan in a millisecond, which plain objects cannot do.

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

/** Strings interned to small integers (channels, customers, SKUs, coupon codes). */
export class Interner {
  readonly names: string[] = [];
  // Built on first lookup: a store loaded with 300,000 customer names answers
  // questions without ever hashing them.
  private index?: Map<string, number>;

  /** Takes over a list of names loaded from disk, their positions being their ids. */
  adopt(names: string[]): void {
    if (this.names.length > 0) throw new Error('Interner.adopt needs an empty interner');
    for (const n of names) this.names.push(n);
    this.index = undefined;
  }

  private lookup(): Map<string, number> {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.names.length; i++) if (!this.index.has(this.names[i])) this.index.set(this.names[i], i);
    }
    return this.index;
  }

  id(name: string): number {
    const index = this.lookup();
    let i = index.get(name);
    if (i === undefined) {
      i = this.names.length;
      // Keep a copy: a name cut from a parsed file chunk would otherwise keep the whole chunk alive.
      const own = detach(name);
      this.names.push(own);
      index.set(own, i);
    }
    return i;
  }
  find(name: string): number | undefined {
    return this.lookup().get(name);
  }
  get size(): number {
    return this.names.length;
  }
}

/** A string that shares no memory with the (possibly much larger) string it was sliced from. */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
