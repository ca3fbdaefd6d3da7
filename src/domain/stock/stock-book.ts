import type { Day } from '../calendar.ts';
import type { Doc, DocStore } from '../ports.ts';
import type { StoreData } from '../store-data.ts';
import { levelRank, stockStatus, unitsSold, type StockItem, type StockLevel } from './stock.ts';

// The stock document: items, the level each SKU was last seen at, and the alerts raised
// when a SKU crossed into a worse level. Alerts are stored (not sent from here): a notice
// source turns each into one message per subscribed room, keyed so it goes out once.

export interface StockAlert {
  sku: string;
  level: StockLevel;
  /** The how-many-th time this SKU fell to a worse level: part of the notice key. */
  n: number;
  at: number;
  onHand: number;
  /** The SKU's safety and warning stock when it crossed (absent in alerts stored before they were kept). */
  safety?: number;
  warning?: number;
}

export interface StockDoc {
  items: Record<string, StockItem>;
  levels: Record<string, StockLevel>;
  crossings: Record<string, number>;
  alerts: StockAlert[];
  /** Shopify inventory item id → SKU (from the stock file's inventory_item_id column). */
  shopifyItems: Record<string, string>;
}

export interface StockUpdate {
  sku: string;
  /** Units on hand (in `warehouse` when given). */
  onHand: number;
  warehouse?: string;
  safety?: number;
  warning?: number;
  shopifyItem?: string;
}

const KEEP_ALERTS_MS = 14 * 86_400_000;
const empty = (): StockDoc => ({ items: {}, levels: {}, crossings: {}, alerts: [], shopifyItems: {} });

export class StockBook {
  private constructor(readonly doc: Doc<StockDoc>) {}

  static async open(docs: DocStore): Promise<StockBook> {
    const doc = await docs.open<StockDoc>('stock', empty());
    doc.data = { ...empty(), ...doc.data };
    return new StockBook(doc);
  }

  get items(): StockItem[] {
    return Object.values(this.doc.data.items);
  }

  skuOfShopifyItem(item: string): string {
    return this.doc.data.shopifyItems[item] ?? `shopify-item:${item}`;
  }

  /** Applies updates, records a crossing into a worse level as an alert, and saves. Returns added/replaced and the new alerts. */
  async apply(updates: StockUpdate[], data: StoreData, today: Day, now: number): Promise<{ added: number; replaced: number; alerts: StockAlert[] }> {
    const d = this.doc.data;
    let added = 0;
    let replaced = 0;
    for (const u of updates) {
      const item = d.items[u.sku];
      if (item) replaced++;
      else added++;
      const next: StockItem = item ?? { sku: u.sku, warehouses: {}, updatedAt: now };
      next.warehouses[u.warehouse ?? ''] = u.onHand;
      if (u.safety !== undefined) next.safety = u.safety;
      if (u.warning !== undefined) next.warning = u.warning;
      next.updatedAt = now;
      d.items[u.sku] = next;
      if (u.shopifyItem) d.shopifyItems[u.shopifyItem] = u.sku;
    }
    const sold = unitsSold(data, today);
    const alerts: StockAlert[] = [];
    for (const sku of new Set(updates.map((u) => u.sku))) {
      const s = stockStatus(d.items[sku], sold.get(sku));
      const before = d.levels[sku] ?? 'ok';
      d.levels[sku] = s.level;
      if (levelRank(s.level) > levelRank(before)) {
        d.crossings[sku] = (d.crossings[sku] ?? 0) + 1;
        alerts.push({ sku, level: s.level, n: d.crossings[sku], at: now, onHand: s.onHand, safety: s.safety, warning: s.warning });
      }
    }
    d.alerts = [...d.alerts.filter((a) => a.at > now - KEEP_ALERTS_MS), ...alerts];
    await this.doc.write();
    return { added, replaced, alerts };
  }
}
