import { fdatasync } from 'node:fs';
import { closeSync, existsSync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Reply } from '../chat/reply.ts';
import { ENTRY_STATES, type EntryPatch, type EntryState, type NewEntry, type OutboxEntry, type OutboxStore } from './outbox-store.ts';

// The outbox on disk: an append-only journal (one JSON line per add or state change)
// over a snapshot. Usage: `const store = JournalOutboxStore.open(join(DATA_DIR, 'outbox'))`.
// Rewriting one big JSON document per state change would not keep up with a 100,000-entry
// campaign; appending a line does. A torn last line (killed mid-write) is ignored at load,
// and now and then the journal is folded into snapshot.json (written to a temp file and
// renamed, so the snapshot is always whole).

type Line<P> = { a: OutboxEntry<P> } | { u: number; p: EntryPatch };

export interface JournalOptions {
  /** fdatasync after every write (default true): survives power loss, not only a crash. */
  fsync?: boolean;
  /** Fold the journal into the snapshot once it has this many lines more than there are entries. */
  compactAfter?: number;
}

export class JournalOutboxStore<P = Reply> implements OutboxStore<P> {
  private readonly entries = new Map<number, OutboxEntry<P>>();
  private readonly keys = new Map<string, number>();
  private readonly byState = new Map<EntryState, Set<number>>(ENTRY_STATES.map((s) => [s, new Set<number>()]));
  private nextId = 1;
  private lines = 0;
  /** Journal lines (1-based) that were whole but did not parse: damage, not a write cut short; said at start. */
  readonly unreadableLines: number[] = [];
  private queue: { text: string; count: number; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private flushing = false;
  private idleWaiters: (() => void)[] = [];
  private fd: number;

  private constructor(
    readonly dir: string | undefined,
    private readonly opts: Required<JournalOptions>,
  ) {
    if (dir === undefined) {
      this.fd = -1;
      return;
    }
    mkdirSync(dir, { recursive: true });
    this.load();
    this.fd = openSync(this.journalPath, 'a');
  }

  static open<P = Reply>(dir: string, opts: JournalOptions = {}): JournalOutboxStore<P> {
    return new JournalOutboxStore<P>(dir, { fsync: opts.fsync ?? true, compactAfter: opts.compactAfter ?? 20_000 });
  }

  /** The same store kept only in memory (tests, `ask`). */
  static memory<P = Reply>(): JournalOutboxStore<P> {
    return new JournalOutboxStore<P>(undefined, { fsync: false, compactAfter: Infinity });
  }

  get journalPath() {
    return join(this.dir ?? '', 'journal.jsonl');
  }
  get snapshotPath() {
    return join(this.dir ?? '', 'snapshot.json');
  }

  private load(): void {
    if (existsSync(this.snapshotPath)) {
      // Without its snapshot the outbox would forget what it already sent and send it again,
      // so a damaged one stops the start, named, and is left where it is for repair.
      let snap: { entries?: unknown };
      try {
        snap = JSON.parse(readFileSync(this.snapshotPath, 'utf8')) as { entries?: unknown };
      } catch (err) {
        throw new OutboxDamagedError(this.snapshotPath, `not JSON: ${(err as Error).message}`);
      }
      if (!Array.isArray(snap?.entries)) throw new OutboxDamagedError(this.snapshotPath, 'it has no list of entries');
      for (const e of snap.entries as OutboxEntry<P>[]) this.put(e);
    }
    if (!existsSync(this.journalPath)) return;
    const buf = readFileSync(this.journalPath);
    let start = 0; // byte offset of the next line; everything before it was whole lines
    for (let n = 1; ; n++) {
      const end = buf.indexOf(10, start);
      if (end < 0) break; // a torn last line: never finished, so never acknowledged
      try {
        this.apply(JSON.parse(buf.toString('utf8', start, end)) as Line<P>);
        this.lines++;
      } catch {
        // A whole line that does not parse was damaged after it was written: skipped, and said.
        this.unreadableLines.push(n);
      }
      start = end + 1;
    }
    const good = start;
    if (good < buf.length) {
      const fd = openSync(this.journalPath, 'r+');
      ftruncateSync(fd, good);
      closeSync(fd);
    }
  }

  private apply(line: Line<P>): void {
    if ('a' in line) {
      if (!this.entries.has(line.a.id)) this.put(line.a);
    } else {
      const e = this.entries.get(line.u);
      if (e) this.patch(e, stripNulls(line.p));
    }
  }

  private put(e: OutboxEntry<P>): void {
    this.entries.set(e.id, e);
    this.keys.set(e.key, e.id);
    this.byState.get(e.state)!.add(e.id);
    this.nextId = Math.max(this.nextId, e.id + 1);
  }

  private patch(e: OutboxEntry<P>, p: EntryPatch): void {
    if (p.state && p.state !== e.state) {
      this.byState.get(e.state)!.delete(e.id);
      this.byState.get(p.state)!.add(e.id);
    }
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined) delete (e as unknown as Record<string, unknown>)[k];
      else (e as unknown as Record<string, unknown>)[k] = v;
    }
  }

  /**
   * Group commit: changes made while the previous write is being synced go to disk together,
   * in one write and one fdatasync; each caller's promise resolves once its line is on disk.
   * The sync runs off the event loop, so pacing timers are not held up by the disk.
   */
  private append(lines: Line<P>[]): Promise<void> {
    if (lines.length === 0 || this.fd < 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      // Serialized now: the entry objects keep changing in memory before the flush.
      // An undefined field in a patch means "cleared": it travels as null and is dropped on load.
      const text = lines.map((l) => JSON.stringify('u' in l ? { u: l.u, p: nullify(l.p) } : l)).join('\n');
      this.queue.push({ text, count: lines.length, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) {
      this.flushing = false;
      for (const w of this.idleWaiters.splice(0)) w();
      return;
    }
    const fail = (err: unknown) => {
      for (const b of batch) b.reject(err);
      this.flush();
    };
    try {
      if (this.fd < 0) throw new Error('outbox store is closed');
      writeSync(this.fd, batch.map((b) => b.text).join('\n') + '\n');
      for (const b of batch) this.lines += b.count;
      this.maybeCompact();
    } catch (err) {
      return fail(err);
    }
    const done = () => {
      for (const b of batch) b.resolve();
      this.flush();
    };
    if (!this.opts.fsync) return done();
    fdatasync(this.fd, (err) => (err ? fail(err) : done()));
  }

  /** Called once a change is both on disk and in memory, so the snapshot includes it. */
  private maybeCompact(): void {
    if (this.lines > this.entries.size + this.opts.compactAfter) this.compact();
  }

  async add(news: NewEntry<P>[], now: Date): Promise<boolean[]> {
    const out: boolean[] = [];
    const lines: Line<P>[] = [];
    const createdAt = now.toISOString();
    for (const n of news) {
      if (this.keys.has(n.key)) {
        out.push(false);
        continue;
      }
      const e: OutboxEntry<P> = { id: this.nextId++, ...n, createdAt, state: 'pending', attempts: 0 };
      if (e.thread === undefined) delete e.thread;
      if (e.notBefore === undefined) delete e.notBefore;
      this.put(e);
      lines.push({ a: e });
      out.push(true);
    }
    await this.append(lines);
    return out;
  }

  async update(id: number, patch: EntryPatch): Promise<OutboxEntry<P>> {
    const e = this.entries.get(id);
    if (!e) throw new Error(`no outbox entry ${id}`);
    // Memory changes at once (a second update in the same turn sees it); the promise waits for the disk.
    this.patch(e, stripNulls(patch));
    await this.append([{ u: id, p: patch }]);
    return e;
  }

  get(id: number) {
    return this.entries.get(id);
  }
  byKey(key: string) {
    const id = this.keys.get(key);
    return id === undefined ? undefined : this.entries.get(id);
  }
  idsIn(state: EntryState): number[] {
    return [...this.byState.get(state)!];
  }
  lastId(): number {
    return this.nextId - 1;
  }
  counts(): Record<EntryState, number> {
    return Object.fromEntries(ENTRY_STATES.map((s) => [s, this.byState.get(s)!.size])) as Record<EntryState, number>;
  }
  list(state: EntryState, limit: number): OutboxEntry<P>[] {
    return this.idsIn(state).reverse().slice(0, limit).map((id) => this.entries.get(id)!);
  }

  /** Writes every entry to snapshot.json (temp file + rename) and empties the journal. */
  compact(): void {
    if (this.fd < 0) return;
    const tmp = `${this.snapshotPath}.tmp`;
    const fd = openSync(tmp, 'w');
    writeSync(fd, JSON.stringify({ version: 1, entries: [...this.entries.values()] }));
    fdatasyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.snapshotPath);
    // A crash here replays the old journal over the new snapshot: each line sets fields
    // to values no newer than the snapshot's, ending on the same state, so it is harmless.
    ftruncateSync(this.fd, 0);
    this.lines = 0;
  }

  async close(): Promise<void> {
    if (this.flushing) await new Promise<void>((r) => this.idleWaiters.push(r));
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** The outbox's snapshot cannot be read; the message names the file and the way out. */
export class OutboxDamagedError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`${file} is damaged (${problem}). The outbox will not start without it, so no notice is sent twice: restore it from a backup, or, accepting that notices already queued or sent may be lost or repeated, move it away (README, Storage → Recovery).`);
  }
}

function nullify(p: EntryPatch): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v === undefined ? null : v]));
}

function stripNulls(p: EntryPatch): EntryPatch {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v === null ? undefined : v])) as EntryPatch;
}
