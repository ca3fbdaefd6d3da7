// One writer at a time for the order book: file imports, the inbox, webhook batches and
// backfill pages each save whole months, so they take turns instead of interleaving saves.

const lanes = new WeakMap<object, Promise<unknown>>();

/** Runs `work` after everything queued before it on the same `owner` (the app's StoreData). */
export function inLane<T>(owner: object, work: () => Promise<T>): Promise<T> {
  const before = lanes.get(owner) ?? Promise.resolve();
  const run = before.then(work, work);
  lanes.set(owner, run.catch(() => undefined));
  return run;
}
