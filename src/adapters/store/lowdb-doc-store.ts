import { mkdir, readdir, rm } from 'node:fs/promises';
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Low, Memory } from 'lowdb';
import { TextFile } from 'lowdb/node';
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
    const db = new Low(new JsonFile(file), structuredClone(defaults));
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

const LARGE = 1 << 20;

/**
 * Compact JSON (order segments hold large arrays that pretty-printing would triple),
 * written atomically either way (temporary file, then rename). A large document
 * (an order month, the customer list) is written synchronously and a piece at a
 * time: as one JSON string, kept alive across an asynchronous write, each month
 * of a million-order store became old-generation garbage, and a dozen of them
 * added ~100 MB to the peak memory of an import.
 */
class JsonFile {
  private readonly text: TextFile;
  private pending: Promise<void> = Promise.resolve();
  constructor(private readonly file: string) {
    this.text = new TextFile(file);
  }
  async read(): Promise<unknown> {
    const text = await this.text.read();
    return text === null ? null : JSON.parse(text);
  }
  async write(data: unknown): Promise<void> {
    if (!isLarge(data)) return (this.pending = this.text.write(JSON.stringify(data)));
    await this.pending.catch(() => undefined); // an earlier small write must not land after this one (its error went to its caller)
    const tmp = join(dirname(this.file), `.${basename(this.file)}.tmp`);
    writeJsonSync(tmp, data);
    renameSync(tmp, this.file);
  }
}

/** Whether a document's JSON is about LARGE characters or more (counting strings and array slots, stopping early). */
function isLarge(data: unknown): boolean {
  let size = 0;
  const walk = (x: unknown, depth: number): boolean => {
    if (typeof x === 'string') size += x.length;
    else if (hasPieces(x)) return true; // only large values come in pieces
    else if (Array.isArray(x)) {
      size += x.length;
      if (size < LARGE && depth < 4) for (const e of x) if (walk(e, depth + 1)) return true;
    } else if (x !== null && typeof x === 'object' && depth < 4) {
      for (const v of Object.values(x)) if (walk(v, depth + 1)) return true;
    }
    return size >= LARGE;
  };
  return walk(data, 0);
}

/** A value that can give its JSON in pieces (its toJSON gives the same as one string), e.g. an order month's base64 column. */
interface JsonPieces {
  toJSONPieces(): Iterable<string>;
}
const hasPieces = (v: unknown): v is JsonPieces => v !== null && typeof v === 'object' && typeof (v as Partial<JsonPieces>).toJSONPieces === 'function';

const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** One buffer for every large write (they are synchronous, so never overlap). */
let writeBuffer: Buffer | undefined;

/** Writes `value` to `path` exactly as JSON.stringify(value) would, through a 1 MB buffer, never as one string. */
function writeJsonSync(path: string, value: unknown): void {
  const fd = openSync(path, 'w');
  try {
    const buf = (writeBuffer ??= Buffer.allocUnsafe(LARGE));
    let used = 0;
    const flush = () => {
      for (let off = 0; off < used; ) off += writeSync(fd, buf, off, used - off);
      used = 0;
    };
    const put = (s: string) => {
      for (let i = 0; i < s.length; ) {
        let end = Math.min(s.length, i + 65536);
        if (end < s.length && (s.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--; // keep a surrogate pair together
        if (used + (end - i) * 3 > buf.length) flush();
        used += buf.write(end - i === s.length ? s : s.slice(i, end), used);
        i = end;
      }
    };
    const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
    const emit = (v: unknown): void => {
      if (hasPieces(v)) {
        for (const piece of v.toJSONPieces()) put(piece);
      } else if (typeof v === 'string' && v.length > 4096 && !NEEDS_ESCAPE.test(v)) {
        put('"');
        put(v);
        put('"');
      } else if (Array.isArray(v)) {
        put('[');
        for (let i = 0; i < v.length; i++) {
          if (i > 0) put(',');
          if (skipped(v[i])) put('null');
          else emit(v[i]);
        }
        put(']');
      } else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
        put('{');
        let first = true;
        for (const [k, e] of Object.entries(v)) {
          if (skipped(e)) continue;
          put(`${first ? '' : ','}${JSON.stringify(k)}:`);
          first = false;
          emit(e);
        }
        put('}');
      } else put(JSON.stringify(v));
    };
    emit(value);
    flush();
  } finally {
    closeSync(fd);
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
