// Counting distinct buyers, store-wide and per channel, without a Set per customer: a
// generation stamp per customer (and per channel) says "already counted in this pass".
// The arrays are reused across passes, so a pass over a day's orders allocates nothing.

export class DistinctBuyers {
  private store = new Int32Array(0);
  private byChannel: Int32Array[] = [];
  private gen = 0;

  /** Starts a pass over a store with `customers` customers. */
  begin(customers: number): void {
    if (this.store.length < customers || this.gen > 2_000_000_000) {
      const size = Math.max(customers, this.store.length * 2, 1024);
      this.store = new Int32Array(size);
      this.byChannel = this.byChannel.map(() => new Int32Array(size));
      this.gen = 0;
    }
    this.gen++;
  }

  /** True the first time a customer is seen in this pass. */
  firstInStore(customer: number): boolean {
    if (this.store[customer] === this.gen) return false;
    this.store[customer] = this.gen;
    return true;
  }

  /** True the first time a customer is seen in this channel in this pass. */
  firstInChannel(customer: number, channel: number): boolean {
    while (this.byChannel.length <= channel) this.byChannel.push(new Int32Array(this.store.length));
    const s = this.byChannel[channel];
    if (s[customer] === this.gen) return false;
    s[customer] = this.gen;
    return true;
  }
}

/** One shared instance: evaluation is synchronous, so passes never interleave. */
export const distinctBuyers = new DistinctBuyers();
