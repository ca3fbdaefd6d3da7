import type { Services } from '../../bot/services.ts';
import { applyOrders, applySeries } from '../../domain/orders/apply-orders.ts';
import type { Order } from '../../domain/orders/order.ts';
import { csvRows, jsonLines, type CsvRow } from './csv-rows.ts';
import { detectFormat, expected, type FileFormat, type ImportKind } from './detect-format.ts';
import { BadRows, ImportError, type BadRow } from './import-error.ts';
import { ownCsvOrders, ownJsonlOrders } from './own-rows.ts';
import { progressBar, tracked } from './progress.ts';
import { readText, type TextEncoding } from './read-text.ts';
import { seriesRows } from './series-rows.ts';
import { shopifyOrders } from './shopify-orders.ts';
import { tmallOrders } from './tmall-orders.ts';

export { ImportError } from './import-error.ts';
export type { ImportKind } from './detect-format.ts';

export interface ImportSummary {
  file: string;
  kind: ImportKind;
  format: FileFormat;
  encoding: TextEncoding;
  /** Orders (or day-channel values) that were new. */
  added: number;
  /** Ones already there (same platform + order id, or same day + channel), now replaced. */
  replaced: number;
  /** Rows (for Shopify: orders) that could not be imported. */
  bad: number;
  /** The first 100 bad rows, with line numbers. */
  problems: BadRow[];
  ms: number;
}

/**
 * Imports one file of orders, visitors or ad spend into the store. The format is
 * read from the header, never the file name. Good rows are kept and bad rows
 * reported; a file that cannot be read or recognised throws ImportError before
 * anything changes.
 */
export async function importFile(path: string, kind: 'orders' | 'traffic' | 'spend', services: Services, opts: { progress?: boolean } = {}): Promise<ImportSummary> {
  const started = performance.now();
  const source = await readText(path);
  const currency = services.store.currency;
  const bad = new BadRows();
  // The bar starts only once the format is known, so an error line is never drawn over.
  const bar = () => progressBar(`importing ${kind}`, source.bytes, opts.progress ?? false);
  let format: FileFormat;
  let applied: { added: number; replaced: number };

  const head = source.pieces(4096);
  const firstChar = firstNonBlank(head.next().value?.text ?? '');
  head.return(undefined); // closes the file
  if (firstChar === undefined) throw new ImportError(`cannot import ${path}: the file is empty; expected ${expected(kind)}`);
  if (kind === 'orders' && firstChar === '{') {
    format = 'own-jsonl';
    applied = await applyOrders(services.data, services.orders, ownJsonlOrders(tracked(jsonLines(source), bar()), bad, currency));
  } else {
    const rows = csvRows(source);
    const header = rows.next();
    if (header.done) throw new ImportError(`cannot import ${path}: the file is empty; expected ${expected(kind)}`);
    const detected = detectFormat(kind, [...header.value.fields], path);
    format = detected.format;
    const body: Iterable<CsvRow> = tracked(rows, bar());
    if (format === 'traffic' || format === 'spend') {
      applied = await applySeries(services.data, services.orders, format, seriesRows(body, detected.cols, format, bad, currency));
    } else {
      let orders: Iterable<Order>;
      if (format === 'shopify') orders = shopifyOrders(body, detected.cols, bad, currency);
      else if (format === 'tmall') orders = tmallOrders(body, detected.cols, bad, currency, services.calendar);
      else orders = ownCsvOrders(body, detected.cols, bad, currency);
      applied = await applyOrders(services.data, services.orders, orders);
    }
  }
  const summary: ImportSummary = { file: path, kind, format, encoding: source.encoding, ...applied, bad: bad.count, problems: bad.kept, ms: Math.round(performance.now() - started) };
  services.log.info({ file: path, kind, format, added: applied.added, replaced: applied.replaced, bad: bad.count, ms: summary.ms }, 'import done');
  return summary;
}

function firstNonBlank(text: string): string | undefined {
  const m = /\S/.exec(text.replace(/^\uFEFF/, ''));
  return m?.[0];
}
