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
  private readonly index = new Map<string, number>();
  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
  find(name: string): number | undefined {
    return this.index.get(name);
  }
  get size(): number {
    return this.names.length;
  }
}
