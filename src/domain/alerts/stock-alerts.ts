import type { Day } from '../calendar.ts';
import type { StockAlert } from '../stock/stock-book.ts';
import { alertKey, type Alert, type Severity, type StockCrossing } from './alert.ts';

// A SKU falling to a worse stock level is an alert of rule `stock_level`. Severity: out of stock
// and below the safety stock are critical — the safety stock is the buffer meant never to be
// touched (7 days of sales by default, shorter than most restocking), so reaching it means
// ordering now; below the warning stock (14 days by default) is a warning: time to plan a reorder.

export const STOCK_SEVERITY: Record<StockCrossing['level'], Severity> = { warning: 'warning', safety: 'critical', out: 'critical' };

/** The crossings as alerts, one per SKU, level and store day (the first crossing of that day). */
export function stockLevelAlerts(crossings: StockAlert[], dayOf: (ms: number) => Day): Alert[] {
  const seen = new Set<string>();
  const out: Alert[] = [];
  for (const c of [...crossings].sort((a, b) => a.at - b.at)) {
    if (c.level === 'ok') continue;
    const threshold = c.level === 'out' ? 0 : c.level === 'safety' ? c.safety : c.warning;
    const a: Alert = {
      rule: 'stock_level',
      metric: 'stock',
      day: dayOf(c.at),
      severity: STOCK_SEVERITY[c.level],
      value: c.onHand,
      ...(threshold !== undefined ? { threshold } : {}),
      direction: 'down',
      sku: c.sku,
      stock: { level: c.level, n: c.n, at: c.at, ...(c.safety !== undefined ? { safety: c.safety } : {}), ...(c.warning !== undefined ? { warning: c.warning } : {}) },
    };
    const key = alertKey(a);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}
