import { z } from 'zod';
import type { Services } from '../../bot/services.ts';
import type { StockAlert, StockBook, StockUpdate } from '../../domain/stock/stock-book.ts';
import { csvRows } from './csv-rows.ts';
import { columnsOf } from './detect-format.ts';
import { BadRows, ImportError, type BadRow } from './import-error.ts';
import { zodReason } from './own-orders.ts';
import { readText } from './read-text.ts';

// `import stock FILE`: a CSV of sku,on_hand with optional safety, warning, warehouse and
// inventory_item_id (Shopify's, so inventory_levels/update webhooks find the SKU). Chinese
// headers as ERPs write them are accepted too.

const ALIASES: Record<string, string> = { 商品编码: 'sku', 货号: 'sku', 库存: 'on_hand', 可用库存: 'on_hand', 数量: 'on_hand', available: 'on_hand', 安全库存: 'safety', 预警库存: 'warning', 仓库: 'warehouse', location: 'warehouse' };
const count = (name: string) => z.string().trim().regex(/^\d+$/, `${name} must be a whole number like 120`).transform(Number);
const rowSchema = z.object({
  sku: z.string().trim().min(1, 'sku is empty').max(120, 'sku is longer than 120 characters'),
  on_hand: count('on_hand'),
  safety: count('safety').optional(),
  warning: count('warning').optional(),
  warehouse: z.string().trim().max(60, 'warehouse is longer than 60 characters').optional(),
  inventory_item_id: z.string().trim().regex(/^\d*$/, 'inventory_item_id must be digits').optional(),
});

export interface StockImportSummary {
  file: string;
  kind: 'stock';
  added: number;
  replaced: number;
  bad: number;
  problems: BadRow[];
  alerts: StockAlert[];
  ms: number;
}

export const STOCK_EXPECTED = 'a CSV with the columns sku,on_hand and optionally safety,warning,warehouse,inventory_item_id';

export async function importStock(path: string, services: Services, book: StockBook): Promise<StockImportSummary> {
  const started = performance.now();
  const rows = csvRows(await readText(path));
  const header = rows.next();
  if (header.done) throw new ImportError(`cannot import ${path}: the file is empty; expected ${STOCK_EXPECTED}`);
  const names = header.value.fields.map((h) => {
    const t = h.replace(/^\uFEFF/, '').trim();
    return ALIASES[t] ?? ALIASES[t.toLowerCase()] ?? t.toLowerCase();
  });
  const cols = columnsOf(names);
  if (!cols.has('sku') || !cols.has('on_hand')) throw new ImportError(`cannot import ${path}: unknown format (header starts "${header.value.fields.slice(0, 6).join(',')}"); expected ${STOCK_EXPECTED}; nothing was imported`);
  const bad = new BadRows();
  const updates: StockUpdate[] = [];
  for (const row of rows) {
    if (row.error) {
      bad.add(row.line, row.error);
      continue;
    }
    const raw: Record<string, string> = {};
    for (const [name, i] of cols) if ((row.fields[i] ?? '').trim() !== '') raw[name] = row.fields[i];
    const r = rowSchema.safeParse(raw);
    if (!r.success) {
      bad.add(row.line, zodReason(r.error));
      continue;
    }
    const v = r.data;
    updates.push({ sku: v.sku, onHand: v.on_hand, ...(v.warehouse ? { warehouse: v.warehouse } : {}), ...(v.safety !== undefined ? { safety: v.safety } : {}), ...(v.warning !== undefined ? { warning: v.warning } : {}), ...(v.inventory_item_id ? { shopifyItem: v.inventory_item_id } : {}) });
  }
  const now = services.clock.now().getTime();
  const applied = await book.apply(updates, services.data, services.calendar.dayOf(now) - 1, now);
  return { file: path, kind: 'stock', added: applied.added, replaced: applied.replaced, bad: bad.count, problems: bad.kept, alerts: applied.alerts, ms: Math.round(performance.now() - started) };
}
