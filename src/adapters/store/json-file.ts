import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';

// How one document's JSON reaches the disk: into a temporary file, flushed (fsync),
// renamed over the old file, and the folder flushed, so after a crash, a kill or a
// full disk the name holds the old or the new document, never part of one, and a
// failed write leaves no temporary file behind. Writes are synchronous: they never
// interleave, and a temporary file never outlives the call that made it.

/** The few file calls a write makes; tests pass ones that fail (a full disk) or die part-way. */
export interface FileOps {
  openSync(path: string, flags: string): number;
  writeSync(fd: number, buf: Buffer, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

export const nodeFileOps: FileOps = {
  openSync: (p, f) => fs.openSync(p, f),
  writeSync: (fd, b, o, l) => fs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  unlinkSync: (p) => fs.unlinkSync(p),
};

/** The temporary name a document is written under before it is renamed into place. */
export const tempNameOf = (file: string) => join(dirname(file), `.${basename(file)}.tmp`);
/** Whether a file name is one of those temporary names (`.x.json.tmp`). */
export const isTempName = (name: string) => name.startsWith('.') && name.endsWith('.json.tmp');

const LARGE = 1 << 20;

/** A lowdb adapter: compact JSON (order segments hold large arrays that pretty-printing would triple). */
export class JsonFile {
  constructor(private readonly file: string, private readonly ops: FileOps = nodeFileOps, private readonly fsync = true) {}
  async read(): Promise<unknown> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text);
  }
  async write(data: unknown): Promise<void> {
    writeDurably(this.ops, this.file, (put) => (isLarge(data) ? writeJson(put, data) : put(JSON.stringify(data))), this.fsync);
  }
}

/** Writes `file` atomically: `fill` puts its text; temp file, fsync, rename, fsync of the folder. */
export function writeDurably(ops: FileOps, file: string, fill: (put: (s: string) => void) => void, fsync = true): void {
  const tmp = tempNameOf(file);
  const fd = ops.openSync(tmp, 'w');
  let renamed = false;
  try {
    try {
      const buf = (writeBuffer ??= Buffer.allocUnsafe(LARGE));
      let used = 0;
      const flush = () => {
        for (let off = 0; off < used; ) off += ops.writeSync(fd, buf, off, used - off);
        used = 0;
      };
      fill((s) => {
        for (let i = 0; i < s.length; ) {
          let end = Math.min(s.length, i + 65536);
          if (end < s.length && (s.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--; // keep a surrogate pair together
          if (used + (end - i) * 3 > buf.length) flush();
          used += buf.write(end - i === s.length ? s : s.slice(i, end), used);
          i = end;
        }
      });
      flush();
      if (fsync) ops.fsyncSync(fd);
    } finally {
      ops.closeSync(fd);
    }
    ops.renameSync(tmp, file);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        ops.unlinkSync(tmp);
      } catch {
        // already gone; the next start sweeps any that stay
      }
    }
  }
  // The rename is done: the new document is what the name holds. Flushing the folder makes
  // that survive a power cut; if the flush fails, failing the write would make a caller undo
  // a change that is in fact in place, so it is best effort.
  if (fsync) syncDir(dirname(file));
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // some file systems cannot fsync a directory
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

/** One buffer for every write (they are synchronous, so never overlap). */
let writeBuffer: Buffer | undefined;

/**
 * Puts `value` exactly as JSON.stringify(value) would, a piece at a time: as one JSON
 * string, kept alive across a write, each month of a million-order store became
 * old-generation garbage, and a dozen of them added ~100 MB to an import's peak memory.
 */
function writeJson(put: (s: string) => void, value: unknown): void {
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
}
