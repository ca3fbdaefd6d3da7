// The domain reaches storage, time and the outside only through these ports.
// Adapters (src/adapters/*) implement them; tests pass in-memory ones.

import type { DamagedDocument } from './damaged-document.ts';

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
  /**
   * Removes the temporary files that writes cut short (a kill, a full disk) left
   * behind; returns their names. Only on disk; call once at start.
   */
  sweep?(): Promise<string[]>;
  /**
   * Puts a document that was read but is not what its reader expects aside (never
   * overwriting it) and records the damage; later opens fail with DamagedDocumentError.
   */
  setAside?(name: string, problem: string): Promise<DamagedDocument>;
  /** Reads every document once, setting damaged ones aside; returns all damage found so far. */
  check?(): Promise<DamagedDocument[]>;
  /** Documents found damaged so far (on disk only). */
  damaged?(): DamagedDocument[];
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string | Date): Clock {
  const t = new Date(iso).getTime();
  return { now: () => new Date(t) };
}
