/** A whole file could not be imported (unreadable, unknown format): nothing was changed. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** A row that could not be imported, by its line in the file (1 = the header). */
export interface BadRow {
  line: number;
  reason: string;
}

/** Collects bad rows: counts all of them, keeps the first few for the report. */
export class BadRows {
  count = 0;
  readonly kept: BadRow[] = [];
  constructor(private readonly keep = 100) {}
  add(line: number, reason: string): void {
    this.count++;
    if (this.kept.length < this.keep) this.kept.push({ line, reason });
  }
}
