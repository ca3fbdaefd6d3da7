// The domain reaches storage, time and the outside only through these ports.
// Adapters (src/adapters/*) implement them; tests pass in-memory ones.

export interface Clock {
  now(): Date;
}

/** One named document kept by the store; `write` replaces it atomically on disk. */
export interface Doc<T> {
  data: T;
  write(): Promise<void>;
}

export interface DocStore {
  /** Opens (or creates with `defaults`) the document called `name`, e.g. `orders/2026-11`. */
  open<T>(name: string, defaults: T): Promise<Doc<T>>;
  /** Names of the documents under a prefix, e.g. `orders/`. */
  list(prefix: string): Promise<string[]>;
  /** Removes a document; used when an order segment becomes empty. */
  remove(name: string): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string | Date): Clock {
  const t = new Date(iso).getTime();
  return { now: () => new Date(t) };
}
