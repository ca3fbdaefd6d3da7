import { describe, expect, it } from 'vitest';
import { ALERT_KEY_PATTERN, alertKey, parseAlertKey, type Alert } from '../../../src/domain/alerts/alert.ts';
import { stockLevelAlerts } from '../../../src/domain/alerts/stock-alerts.ts';
import type { StockAlert } from '../../../src/domain/stock/stock-book.ts';

// Stock crossings as alerts: severity by level, one per SKU, level and day, and keys that stay
// what they were for every other alert while telling SKUs apart.

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => Math.floor(ms / DAY_MS);
const crossing = (sku: string, level: StockAlert['level'], n: number, at: number, onHand = 0): StockAlert => ({ sku, level, n, at, onHand, safety: 10, warning: 40 });

describe('stock level alerts', () => {
  it('names out of stock and below safety stock critical, below warning stock a warning, with the line crossed', () => {
    const at = 20_000 * DAY_MS + 3_600_000;
    const [w, s, o] = stockLevelAlerts([crossing('SK-1', 'warning', 1, at, 35), crossing('SK-1', 'safety', 2, at + 1, 8), crossing('SK-1', 'out', 3, at + 2, 0)], dayOf);
    expect([w.severity, s.severity, o.severity]).toEqual(['warning', 'critical', 'critical']);
    expect([w.threshold, s.threshold, o.threshold]).toEqual([40, 10, 0]);
    expect([w.value, s.value, o.value]).toEqual([35, 8, 0]);
    expect(o).toMatchObject({ rule: 'stock_level', metric: 'stock', sku: 'SK-1', day: 20_000, direction: 'down' });
    expect(o.channel).toBeUndefined();
  });

  it('keeps one alert per SKU, level and day, and tells SKUs and levels apart by key', () => {
    const at = 20_000 * DAY_MS;
    const alerts = stockLevelAlerts([crossing('SK-2', 'out', 2, at + 5000), crossing('SK-1', 'out', 1, at + 10), crossing('SK-1', 'out', 4, at + 9000), crossing('SK-1', 'out', 5, at + DAY_MS)], dayOf);
    expect(alerts.map((a) => [a.sku, a.day, a.stock!.n])).toEqual([['SK-1', 20_000, 1], ['SK-2', 20_000, 2], ['SK-1', 20_001, 5]]);
    expect(new Set(alerts.map(alertKey)).size).toBe(3);
  });

  it('writes keys of alerts without a SKU exactly as before, and reads SKU keys back whatever the SKU holds', () => {
    const refund: Alert = { rule: 'refund_rate_high', metric: 'refund_rate', channel: 'jd', day: 20780, severity: 'warning', value: 0.2, direction: 'up' };
    expect(alertKey(refund)).toBe('refund_rate_high:refund_rate:jd:20780');
    expect(alertKey({ ...refund, channel: undefined })).toBe('refund_rate_high:refund_rate:*:20780');
    expect(parseAlertKey('refund_rate_high:refund_rate:jd:20780')).toEqual({ rule: 'refund_rate_high', metric: 'refund_rate', channel: 'jd', day: 20780 });
    for (const sku of ['SK-1', '红色 L:XL', '50%/off']) {
      const [a] = stockLevelAlerts([crossing(sku, 'safety', 1, 20_780 * DAY_MS)], dayOf);
      const key = alertKey(a);
      expect(key).toMatch(ALERT_KEY_PATTERN);
      expect(key.startsWith('stock_level:stock:*:20780:')).toBe(true);
      expect(parseAlertKey(key)).toEqual({ rule: 'stock_level', metric: 'stock', day: 20780, sku, level: 'safety' });
    }
    expect('refund_rate_high:refund_rate:jd:20780').toMatch(ALERT_KEY_PATTERN);
    expect('stock_level:stock:*:20780:SK 1:out').not.toMatch(ALERT_KEY_PATTERN);
  });
});
