import { SERIES_KEY } from '../detect-format.ts';

// What a sender may POST: the same text a file import reads (own-schema JSONL or CSV,
// visitors/spend CSV, stock CSV), or JSON — an array of rows or `{"orders": [...]}` —
// turned here into that text, so the endpoint and `import` share one path.

export type IngestKind = 'orders' | 'traffic' | 'spend' | 'stock';

export const STOCK_COLUMNS = ['sku', 'on_hand', 'safety', 'warning', 'warehouse', 'inventory_item_id'] as const;
const COLUMNS: Record<Exclude<IngestKind, 'orders'>, readonly string[]> = { traffic: SERIES_KEY.traffic, spend: SERIES_KEY.spend, stock: STOCK_COLUMNS };

const csvField = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The body as import text, or a sentence saying what is wrong with it. */
export function importText(kind: IngestKind, body: string): { text: string; ext: 'jsonl' | 'csv' } | { error: string } {
  const t = body.replace(/^\uFEFF/, '').trim();
  if (t === '') return { error: `the body is empty; send ${kind} as JSON, JSONL or CSV (README "Ingest endpoint")` };
  let rows: unknown;
  if (t[0] === '[' || (t[0] === '{' && !t.includes('\n'))) {
    try {
      rows = JSON.parse(t);
    } catch {
      if (t[0] === '[') return { error: 'the body starts like a JSON array but is not valid JSON' };
    }
  } else if (t[0] === '{') {
    // JSONL, or one pretty-printed JSON object holding the rows.
    try {
      rows = JSON.parse(t);
    } catch {
      rows = undefined;
    }
  }
  if (rows !== undefined && !Array.isArray(rows) && typeof rows === 'object' && rows !== null) {
    const inner = (rows as Record<string, unknown>)[kind] ?? (rows as Record<string, unknown>).rows;
    rows = Array.isArray(inner) ? inner : kind === 'orders' ? [rows] : undefined;
    if (rows === undefined) return { error: `a JSON body must be an array of rows or {"${kind}": [...]}` };
  }
  if (Array.isArray(rows)) {
    if (kind === 'orders') return { text: rows.map((r) => JSON.stringify(r)).join('\n'), ext: 'jsonl' };
    const cols = COLUMNS[kind];
    const lines = [cols.join(',')];
    for (const r of rows) lines.push(cols.map((c) => csvField(typeof r === 'object' && r !== null ? (r as Record<string, unknown>)[c] : undefined)).join(','));
    return { text: lines.join('\n'), ext: 'csv' };
  }
  return { text: t, ext: kind === 'orders' && t[0] === '{' ? 'jsonl' : 'csv' };
}
