import type { Order } from '../../domain/orders/order.ts';
import type { CsvRow } from './csv-rows.ts';
import { OWN_COLUMNS, type Columns } from './detect-format.ts';
import type { BadRows } from './import-error.ts';
import { ownJsonSchema, ownOrderBuilder, ownRowSchema, zodReason } from './own-orders.ts';

/** Orders of an own-schema CSV; columns may come in any order, extra columns are ignored. */
export function* ownCsvOrders(rows: Iterable<CsvRow>, cols: Columns, bad: BadRows, currency: string): Generator<Order> {
  const idx = OWN_COLUMNS.map((c) => cols.get(c)!);
  const width = cols.size;
  const inOrder = width === OWN_COLUMNS.length && idx.every((i, k) => i === k);
  const build = ownOrderBuilder(currency);
  for (const row of rows) {
    const f = row.fields;
    if (row.error) bad.add(row.line, row.error);
    else if (f.length !== width) bad.add(row.line, `has ${f.length} fields, the header has ${width}`);
    else {
      const fields = inOrder ? f : idx.map((i) => f[i]);
      const checked = ownRowSchema.safeParse(fields);
      if (!checked.success) {
        bad.add(row.line, zodReason(checked.error));
        continue;
      }
      const o = build(fields, fields[11]);
      if (typeof o === 'string') bad.add(row.line, o);
      else yield o;
    }
  }
}

/** Orders of an own-schema JSONL file: one JSON object per line. */
export function* ownJsonlOrders(lines: Iterable<{ text: string; line: number }>, bad: BadRows, currency: string): Generator<Order> {
  const build = ownOrderBuilder(currency);
  for (const { text, line } of lines) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      bad.add(line, 'is not a JSON object');
      continue;
    }
    const checked = ownJsonSchema.safeParse(raw);
    if (!checked.success) {
      bad.add(line, zodReason(checked.error));
      continue;
    }
    const j = checked.data;
    const fields = [j.platform, j.order_id, j.channel, j.customer, j.created_at, j.paid_at ?? '', j.status, j.amount, j.refunded ?? '', j.coupon_code ?? '', j.phone ?? '', ''];
    const o = build(fields, j.items);
    if (typeof o === 'string') bad.add(line, o);
    else yield o;
  }
}
