import { copyFile, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Services } from '../../bot/services.ts';
import type { Logger } from '../../domain/log.ts';
import { ImportError, importFile, type ImportSummary } from './import-file.ts';
import { inLane } from './live/write-lane.ts';
import { importStock, type StockImportSummary } from './stock-file.ts';

// A running bot owns DATA_DIR, so `store-ops-bot import` run beside it drops the file
// into DATA_DIR/inbox/<kind>/ and the bot imports it itself — one writer, and the figures
// it answers with change at once, without a restart. The result lands in inbox/done/.

export type InboxKind = 'orders' | 'traffic' | 'spend' | 'stock';
const KINDS: InboxKind[] = ['orders', 'traffic', 'spend', 'stock'];

export type InboxResult = { ok: true; summary: ImportSummary | StockImportSummary } | { ok: false; error: string };

const doneDir = (dataDir: string) => join(dataDir, 'inbox', 'done');

/** Copies a file into the inbox (appearing whole, by rename) and returns its inbox name. */
export async function dropIntoInbox(dataDir: string, kind: InboxKind, file: string): Promise<string> {
  const dir = join(dataDir, 'inbox', kind);
  await mkdir(dir, { recursive: true });
  const name = `${Date.now()}-${process.pid}-${basename(file)}`;
  await copyFile(file, join(dir, `.${name}.part`));
  await rename(join(dir, `.${name}.part`), join(dir, name));
  return name;
}

/** Waits for the running bot to import a dropped file; undefined if it did not within the time. */
export async function awaitInboxResult(dataDir: string, name: string, timeoutMs: number, pollMs = 250): Promise<InboxResult | undefined> {
  const path = join(doneDir(dataDir), `${name}.result.json`);
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as InboxResult;
    } catch {
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
  return undefined;
}

/** The running bot's side: imports what is in the inbox, oldest first, one file at a time. */
export class InboxWatcher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly dataDir: string,
    private readonly services: Services,
    private readonly log: Logger,
    private readonly everyMs = 2_000,
    /** Tells the people at the bot (the terminal chat) what came in. */
    private readonly onImported?: (kind: InboxKind, name: string, result: InboxResult) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.everyMs);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Imports every waiting file; returns how many. Overlapping calls share one run. */
  runOnce(): Promise<number> {
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<number> {
    let n = 0;
    for (const kind of KINDS) {
      const dir = join(this.dataDir, 'inbox', kind);
      const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => !f.startsWith('.')).sort();
      for (const name of names) {
        await mkdir(doneDir(this.dataDir), { recursive: true });
        let result: InboxResult;
        try {
          result = { ok: true, summary: await inLane<ImportSummary | StockImportSummary>(this.services.data, async () => (kind === 'stock' ? importStock(join(dir, name), this.services, await this.services.books.stock()) : importFile(join(dir, name), kind, this.services))) };
          this.log.info({ file: name, kind, added: result.summary.added, replaced: result.summary.replaced, bad: result.summary.bad }, 'inbox import');
        } catch (err) {
          if (!(err instanceof ImportError)) this.log.error({ err, file: name }, 'inbox import failed');
          result = { ok: false, error: err instanceof Error ? err.message : String(err) };
        }
        // The file moves out before the result appears, so a crash re-imports it at most (imports replace, never double-count).
        await rename(join(dir, name), join(doneDir(this.dataDir), name));
        await writeFile(join(doneDir(this.dataDir), `${name}.result.json`), JSON.stringify(result));
        this.onImported?.(kind, name, result);
        n++;
      }
    }
    return n;
  }
}
