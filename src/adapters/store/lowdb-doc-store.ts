import { existsSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Low, Memory } from 'lowdb';
import { DamagedDocumentError, type DamagedDocument } from '../../domain/damaged-document.ts';
import { safetyOf } from '../../domain/document-safety.ts';
import type { Doc, DocStore } from '../../domain/ports.ts';
import { isTempName, JsonFile, nodeFileOps, type FileOps } from './json-file.ts';
import { problemWith } from './document-check.ts';

// Each named document is one lowdb JSON file under DATA_DIR, written atomically and
// flushed (json-file.ts). A file that cannot be read as its document is renamed aside
// (`budgets.json.corrupt-<time>`, never overwritten) and recorded; whether the bot then
// starts that document empty or refuses what needs it is the domain's call (document-safety.ts).
// The refusal outlives a restart: while a `.corrupt-` copy sits beside a missing file,
// the document stays refused until someone repairs it or deletes the copy.

const NAME = /^[a-z0-9][a-z0-9_\-/.]*$/i;

export interface LowdbDocStoreOptions {
  /** File calls for writes (tests inject a full disk). */
  ops?: FileOps;
  /** Flush each write to the disk before renaming it into place (default true). */
  fsync?: boolean;
}

export class LowdbDocStore implements DocStore {
  private readonly open_ = new Map<string, Promise<Doc<unknown>>>();
  private readonly damage = new Map<string, DamagedDocument>();
  constructor(readonly dir: string, private readonly opts: LowdbDocStoreOptions = {}) {}

  open<T>(name: string, defaults: T): Promise<Doc<T>> {
    if (!NAME.test(name) || name.includes('..')) throw new Error(`bad document name ${name}`);
    let doc = this.open_.get(name);
    if (!doc) {
      doc = this.load(name, defaults as unknown);
      this.open_.set(name, doc);
      // A refused document is tried again on the next open (it may have been repaired).
      doc.catch(() => this.open_.get(name) === doc && this.open_.delete(name));
    }
    return doc as Promise<Doc<T>>;
  }

  private async load(name: string, defaults: unknown): Promise<Doc<unknown>> {
    const file = join(this.dir, `${name}.json`);
    await mkdir(dirname(file), { recursive: true });
    const json = new JsonFile(file, this.opts.ops ?? nodeFileOps, this.opts.fsync ?? true);
    const db = new Low(json, structuredClone(defaults));
    let problem: string | undefined;
    try {
      const data = await json.read();
      if (data === null) {
        // Set aside by this store already (at start): say what was wrong with it then.
        const known = this.damage.get(name);
        if (known && !known.startsEmpty) throw new DamagedDocumentError(known);
        const earlier = this.asideCopies(file);
        if (earlier.length > 0 && !safetyOf(name).startsEmpty) {
          problem = `missing; a damaged copy was set aside earlier as ${this.rel(earlier.at(-1)!)}`;
          return this.fail({ name, file: this.rel(file), problem, startsEmpty: false });
        }
        return db;
      }
      problem = problemWith(data, defaults);
      if (!problem) {
        db.data = data;
        return db;
      }
    } catch (err) {
      if (err instanceof DamagedDocumentError) throw err;
      if (!(err instanceof SyntaxError)) throw err;
      problem = `not JSON: ${err.message}`;
    }
    const damage = this.putAside(name, problem);
    if (!damage.startsEmpty) throw new DamagedDocumentError(damage);
    return db;
  }

  private fail(d: DamagedDocument): never {
    this.damage.set(d.name, d);
    throw new DamagedDocumentError(d);
  }

  async setAside(name: string, problem: string): Promise<DamagedDocument> {
    this.open_.delete(name);
    return this.putAside(name, problem);
  }

  private putAside(name: string, problem: string): DamagedDocument {
    const file = join(this.dir, `${name}.json`);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    let aside = `${file}.corrupt-${stamp}`;
    for (let n = 2; existsSync(aside); n++) aside = `${file}.corrupt-${stamp}-${n}`;
    let moved = false;
    if (existsSync(file)) {
      renameSync(file, aside);
      moved = true;
    }
    const damage: DamagedDocument = { name, file: this.rel(file), ...(moved ? { aside: this.rel(aside) } : {}), problem, startsEmpty: safetyOf(name).startsEmpty };
    this.damage.set(name, damage);
    return damage;
  }

  private asideCopies(file: string): string[] {
    try {
      const prefix = `${basename(file)}.corrupt-`;
      return readdirSync(dirname(file)).filter((f) => f.startsWith(prefix)).sort().map((f) => join(dirname(file), f));
    } catch {
      return [];
    }
  }

  private rel(path: string): string {
    return relative(this.dir, path).split(sep).join('/');
  }

  /**
   * Reads every document not opened yet, so damage is found and said at start rather than
   * on first use; the document's own reader checks its shape when it opens it.
   */
  async check(): Promise<DamagedDocument[]> {
    for (const name of await this.list('')) {
      // The outbox keeps its own files and says itself what is wrong with them.
      if (this.open_.has(name) || this.damage.has(name) || name.startsWith('outbox/')) continue;
      await this.load(name, null).catch((err) => {
        if (!(err instanceof DamagedDocumentError)) throw err;
      });
    }
    // Damaged files set aside on an earlier start, whose document is still refused.
    for (const aside of this.walkFiles((f) => f.includes('.json.corrupt-'))) {
      const file = aside.slice(0, aside.indexOf('.json.corrupt-') + 5);
      const name = this.rel(file).slice(0, -5);
      if (existsSync(file) || this.damage.has(name) || safetyOf(name).startsEmpty || !NAME.test(name)) continue;
      const copies = this.asideCopies(file);
      this.damage.set(name, { name, file: this.rel(file), problem: `missing; a damaged copy was set aside earlier as ${this.rel(copies.at(-1) ?? aside)}`, startsEmpty: false });
    }
    return this.damaged();
  }

  /** Every file under the data folder whose name passes `keep`, synchronously. */
  private walkFiles(keep: (name: string) => boolean): string[] {
    const found: string[] = [];
    const walk = (d: string) => {
      let entries;
      try {
        entries = readdirSync(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (keep(e.name)) found.push(p);
      }
    };
    walk(this.dir);
    return found;
  }

  damaged(): DamagedDocument[] {
    return [...this.damage.values()];
  }

  async list(prefix: string): Promise<string[]> {
    const root = join(this.dir, prefix);
    const out: string[] = [];
    const walk = async (d: string) => {
      let entries;
      try {
        entries = await readdir(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.name.endsWith('.json') && !e.name.startsWith('.')) out.push(relative(this.dir, p).split(sep).join('/').slice(0, -5));
      }
    };
    await walk(prefix === '' || prefix.endsWith('/') ? root : dirname(root));
    return out.filter((n) => n.startsWith(prefix)).sort();
  }

  async remove(name: string): Promise<void> {
    this.open_.delete(name);
    await rm(join(this.dir, `${name}.json`), { force: true });
  }

  /** Synchronous on purpose: writes are too, so no write's temporary file is ever removed under it. */
  async sweep(): Promise<string[]> {
    const found = this.walkFiles(isTempName);
    for (const p of found) unlinkSync(p);
    return found.map((p) => this.rel(p)).sort();
  }
}

/** The same port in memory, for tests and for `ask --json` trials without a data folder. */
export class MemoryDocStore implements DocStore {
  private readonly docs = new Map<string, Doc<unknown>>();
  async open<T>(name: string, defaults: T): Promise<Doc<T>> {
    let doc = this.docs.get(name);
    if (!doc) {
      const db = new Low(new Memory<unknown>(), structuredClone(defaults) as unknown);
      this.docs.set(name, (doc = db));
    }
    return doc as Doc<T>;
  }
  async list(prefix: string): Promise<string[]> {
    return [...this.docs.keys()].filter((n) => n.startsWith(prefix)).sort();
  }
  async remove(name: string): Promise<void> {
    this.docs.delete(name);
  }
}
