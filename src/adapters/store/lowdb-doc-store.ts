import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Low, Memory } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { Doc, DocStore } from '../../domain/ports.ts';

// Each named document is one lowdb JSON file under DATA_DIR. lowdb's writer (steno)
// writes a temporary file and renames it over the old one, so a crash at any moment
// leaves either the old or the new document, never half of one.

const NAME = /^[a-z0-9][a-z0-9_\-/.]*$/i;

export class LowdbDocStore implements DocStore {
  private readonly open_ = new Map<string, Promise<Doc<unknown>>>();
  constructor(readonly dir: string) {}

  open<T>(name: string, defaults: T): Promise<Doc<T>> {
    if (!NAME.test(name) || name.includes('..')) throw new Error(`bad document name ${name}`);
    let doc = this.open_.get(name);
    if (!doc) {
      doc = this.load(name, defaults as unknown);
      this.open_.set(name, doc);
    }
    return doc as Promise<Doc<T>>;
  }

  private async load(name: string, defaults: unknown): Promise<Doc<unknown>> {
    const file = join(this.dir, `${name}.json`);
    await mkdir(dirname(file), { recursive: true });
    // Compact JSON: order segments hold large arrays that pretty-printing would triple.
    const db = new Low(new DataFile<unknown>(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) }), structuredClone(defaults));
    await db.read();
    return db;
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
