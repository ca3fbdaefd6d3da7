/**
 * The sends under way in one drain, up to `max` at once. Usage:
 *   flights.add(attempt, (result) => ...);   // `after` runs once the send is over
 *   await flights.settled();                 // until any send in flight finishes
 */
export class InFlight {
  private readonly sends = new Set<Promise<void>>();
  // One promise that any finishing send resolves, rather than racing every send in flight.
  private wake = () => {};

  constructor(readonly max: number) {}

  get size(): number {
    return this.sends.size;
  }

  get full(): boolean {
    return this.sends.size >= this.max;
  }

  add<T>(send: Promise<T>, after: (result: T) => void): void {
    const p: Promise<void> = send.then((result) => {
      this.sends.delete(p);
      this.wake();
      after(result);
    });
    this.sends.add(p);
  }

  settled(): Promise<void> {
    return new Promise<void>((r) => (this.wake = r));
  }

  all(): Promise<unknown> {
    return Promise.all(this.sends);
  }
}
