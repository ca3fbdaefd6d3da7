import type { SeenBefore } from '../../chat/seen-before.ts';
import type { Clock, Doc, DocStore } from '../../domain/ports.ts';

// Seen-before keys in one document per platform (`slack/seen`, `telegram/seen`, …): key and
// when it was first seen, oldest first, at most `max` of them, each kept `keepMs`.
// The check and the mark happen in memory in one step; the document is written once for
// every mark made in the same turn of the event loop (a burst of 100 updates is one write,
// not 100), and each caller returns only after the write that holds its mark.

export interface SeenBeforeOptions {
  clock?: Clock;
  /** How long a key is remembered (default a day). */
  keepMs?: number;
  /** Most keys kept; the oldest go first (default 2000, what Telegram and WeCom kept before). */
  max?: number;
}

interface SeenDoc {
  keys: [string, number][];
}

const DAY_MS = 24 * 3_600_000;

export class DocSeenBefore implements SeenBefore {
  private loaded?: Promise<{ doc: Doc<SeenDoc>; keys: Map<string, number> }>;
  private flush?: Promise<void>;
  private readonly clock: Clock;
  private readonly keepMs: number;
  private readonly max: number;

  constructor(
    private readonly docs: DocStore,
    private readonly name: string,
    opts: SeenBeforeOptions = {},
  ) {
    this.clock = opts.clock ?? { now: () => new Date() };
    this.keepMs = opts.keepMs ?? DAY_MS;
    this.max = opts.max ?? 2000;
  }

  private load() {
    this.loaded ??= this.docs.open<SeenDoc>(this.name, { keys: [] }).then((doc) => ({ doc, keys: new Map(doc.data.keys) }));
    return this.loaded;
  }

  async seen(key: string): Promise<boolean> {
    const { keys } = await this.load();
    const now = this.clock.now().getTime();
    const at = keys.get(key);
    if (at !== undefined && at > now - this.keepMs) return true;
    keys.delete(key); // re-added last, so the oldest stay first
    keys.set(key, now);
    await this.save();
    return false;
  }

  async forget(key: string): Promise<void> {
    const { keys } = await this.load();
    if (keys.delete(key)) await this.save();
  }

  /** One write for all marks made before it starts. */
  private save(): Promise<void> {
    this.flush ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      this.flush = undefined;
      const { doc, keys } = await this.load();
      const horizon = this.clock.now().getTime() - this.keepMs;
      for (const [k, at] of keys) {
        if (keys.size <= this.max && at > horizon) break;
        keys.delete(k);
      }
      doc.data.keys = [...keys];
      await doc.write();
    });
    return this.flush;
  }
}
