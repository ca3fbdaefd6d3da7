import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

// An append-only journal on disk: a delivery is acknowledged only after its line is written
// and flushed (fdatasync), so a crash right after the answer loses nothing. Lines that arrive
// together share one flush (group commit). The reader takes whole segments: `cut()` closes the
// segment being written and starts the next; a segment is deleted only once it has been applied.

const SEGMENT = /^(\d{10})\.jsonl$/;

export class Journal<T> {
  private handle?: FileHandle;
  private seq: number;
  private waiting: { line: string; done: (err?: Error) => void }[] = [];
  private scheduled = false;
  /** Every write, flush and close runs on this one chain, so a cut never closes a file mid-write. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string, private readonly fsync = true) {
    mkdirSync(dir, { recursive: true });
    this.seq = Math.max(0, ...this.segments().map((s) => Number(SEGMENT.exec(s)![1]))) + 1;
  }

  /** Segment files in write order. */
  segments(): string[] {
    return readdirSync(this.dir).filter((f) => SEGMENT.test(f)).sort();
  }

  /** Resolves once the entry is on disk. */
  append(entry: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ line: `${JSON.stringify(entry)}\n`, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.scheduled) {
        this.scheduled = true;
        this.tail = this.tail.then(() => this.flush());
      }
    });
  }

  /** Writes everything waiting as one write and one flush (lines arriving meanwhile go in the next). */
  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    try {
      this.handle ??= await open(join(this.dir, `${String(this.seq).padStart(10, '0')}.jsonl`), 'a');
      await this.handle.write(batch.map((b) => b.line).join(''));
      if (this.fsync) await this.handle.datasync();
      for (const b of batch) b.done();
    } catch (err) {
      for (const b of batch) b.done(err as Error);
    }
  }

  /** Closes the segment being written (after its pending lines) and returns every closed segment, oldest first. */
  cut(): Promise<string[]> {
    const run = this.tail.then(async () => {
      if (this.handle) {
        await this.handle.close();
        this.handle = undefined;
        this.seq++;
      }
      // Lines appended from now on go to the next segment, opened by the next flush.
      return this.segments();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  read(segment: string): T[] {
    const out: T[] = [];
    for (const line of readFileSync(join(this.dir, segment), 'utf8').split('\n')) {
      if (line === '') continue;
      try {
        out.push(JSON.parse(line) as T);
      } catch {
        // A line torn by a crash mid-write was never acknowledged: the sender retries it.
      }
    }
    return out;
  }

  remove(segment: string): void {
    rmSync(join(this.dir, segment), { force: true });
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
