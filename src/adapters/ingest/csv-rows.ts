import Papa from 'papaparse';
import type { TextSource } from './read-text.ts';

/** One CSV record and the file line it starts on. The object is reused: copy what you keep. */
export interface CsvRow {
  fields: string[];
  line: number;
  /** Bytes of the file decoded so far (for a progress bar). */
  done: number;
  /** Set when papaparse found the record malformed (e.g. a quote never closed). */
  error?: string;
}

/**
 * The records of a CSV file, parsed by papaparse a piece at a time so a large file
 * never sits in memory as one string. Pieces are cut only at a line end outside
 * quotes, so a quoted field holding a newline (a Shopify note) stays whole.
 * Empty lines are skipped; line numbers count them.
 */
export function* csvRows(source: TextSource): Generator<CsvRow> {
  const row: CsvRow = { fields: [], line: 0, done: 0 };
  let carry = '';
  let line = 1;
  let newline: '\n' | '\r\n' | undefined;
  // Pieces under V8's large-object size (128 KB), so each piece's text dies young instead of as old garbage.
  const pieces = source.pieces(64 << 10);
  for (let finished = false; !finished; ) {
    const next = pieces.next();
    let text: string;
    if (next.done) {
      finished = true;
      text = carry;
      carry = '';
    } else {
      row.done = next.value.done;
      const all = carry + next.value.text;
      const cut = lastRecordEnd(all);
      carry = all.slice(cut);
      text = all.slice(0, cut);
    }
    if (text === '') continue;
    // Line ending decided once from the first piece, so it need not be guessed for every piece.
    newline ??= text.indexOf('\r\n') !== -1 && text.indexOf('\r\n') === text.indexOf('\n') - 1 ? '\r\n' : '\n';
    if (text.indexOf('"') === -1) {
      // No quotes: records are lines and fields sit between commas, exactly as
      // papaparse would split them, without its intermediate arrays.
      for (let at = 0; at < text.length; ) {
        let end = text.indexOf(newline, at);
        if (end === -1) end = text.length;
        const start = line++;
        if (end > at) {
          row.fields = splitFields(text, at, end);
          row.line = start;
          row.error = undefined;
          yield row;
        }
        at = end + newline.length;
      }
    } else {
      const res = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: ',', newline });
      const errors = res.errors.length ? new Map(res.errors.map((e) => [e.row, e.message])) : undefined;
      const data = res.data;
      for (let i = 0; i < data.length; i++) {
        const fields = data[i];
        const start = line++;
        for (const f of fields) for (let k = f.indexOf('\n'); k !== -1; k = f.indexOf('\n', k + 1)) line++;
        if (fields.length === 1 && fields[0] === '') continue; // empty line (or the end after the last newline)
        row.fields = fields;
        row.line = start;
        row.error = errors?.get(i);
        yield row;
      }
      // The piece ended with a newline, which papaparse gave as a last empty record: it is not a line.
      if (text.endsWith('\n')) line--;
    }
  }
}

/** The comma-separated fields of text[from, to) (no quotes in it). */
function splitFields(text: string, from: number, to: number): string[] {
  const fields: string[] = [];
  for (let at = from; ; ) {
    const comma = text.indexOf(',', at);
    if (comma === -1 || comma >= to) {
      fields.push(text.slice(at, to));
      return fields;
    }
    fields.push(text.slice(at, comma));
    at = comma + 1;
  }
}

/** Index just past the last newline that is outside quotes (0 when there is none). */
function lastRecordEnd(text: string): number {
  if (text.indexOf('"') === -1) return text.lastIndexOf('\n') + 1;
  let inQuotes = false;
  let safe = 0;
  let i = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    if (!inQuotes) {
      const nl = text.lastIndexOf('\n', (q === -1 ? text.length : q) - 1);
      if (nl >= i) safe = nl + 1;
    }
    if (q === -1) return safe;
    inQuotes = !inQuotes; // an escaped quote ("") flips twice
    i = q + 1;
  }
}

/** Lines of a JSONL file with their numbers; blank lines skipped. */
export function* jsonLines(source: TextSource): Generator<{ text: string; line: number; done: number }> {
  let carry = '';
  let line = 0;
  const out = { text: '', line: 0, done: 0 };
  for (const piece of source.pieces()) {
    const text = carry + piece.text;
    const parts = text.split('\n');
    carry = parts.pop()!;
    out.done = piece.done;
    for (const p of parts) {
      line++;
      if (p.trim() === '') continue;
      out.text = p;
      out.line = line;
      yield out;
    }
  }
  if (carry.trim() !== '') {
    out.text = carry;
    out.line = line + 1;
    yield out;
  }
}
