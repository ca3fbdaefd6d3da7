import type { Day } from '../calendar.ts';
import type { StockLevel } from '../stock/stock.ts';

// An alert: which warning line was crossed, where, by how much. Its key makes it
// once-only: at most one alert per rule, channel and day (and metric, for KPI targets; anomalies keep the strongest metric per channel;
// and SKU and level, for stock).

export const ALERT_RULES = ['roi_low', 'refund_rate_high', 'conversion_below_baseline', 'anomaly', 'kpi_pacing', 'stock_level'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
export type Severity = 'warning' | 'critical';

export interface Alert {
  rule: AlertRule;
  metric: string;
  /** Channel id, or undefined for the whole store. */
  channel?: string;
  /** The store day the alert is about. */
  day: Day;
  severity: Severity;
  value: number;
  /** The line crossed (ROI 1.5, refund rate 5 %, KPI pace share) … */
  threshold?: number;
  /** … or the baseline moved from (mean of the same weekday of the previous weeks). */
  baseline?: number;
  /** For anomalies: how many (normal-equivalent) standard deviations from the baseline. */
  sigma?: number;
  direction: 'up' | 'down';
  /** For stock alerts: the SKU whose stock crossed a level. */
  sku?: string;
  /** For stock alerts: the crossing — the level reached, its number for this SKU, when, and the SKU's levels then. */
  stock?: StockCrossing;
}

export interface StockCrossing {
  level: Exclude<StockLevel, 'ok'>;
  n: number;
  /** Epoch ms of the stock update that crossed the level. */
  at: number;
  safety?: number;
  warning?: number;
}

/**
 * `rule:metric:channel:day`, and for a SKU `…:day:sku:level` (the SKU percent-encoded, so it holds no ':' or space):
 * keys of alerts without a SKU are what they always were, so acknowledgements and sent notices keep matching.
 */
export const alertKey = (a: Pick<Alert, 'rule' | 'metric' | 'channel' | 'day' | 'sku' | 'stock'>): string =>
  `${a.rule}:${a.metric}:${a.channel ?? '*'}:${a.day}${a.sku === undefined ? '' : `:${encodeURIComponent(a.sku)}:${a.stock?.level ?? ''}`}`;

/** What a card's key says, read back: the parts `alertKey` wrote. */
export function parseAlertKey(key: string): { rule: string; metric: string; channel?: string; day: Day; sku?: string; level?: string } {
  const [rule, metric, channel, day, sku, level] = key.split(':');
  return { rule, metric, ...(channel && channel !== '*' ? { channel } : {}), day: Number(day), ...(sku !== undefined ? { sku: decodeURIComponent(sku) } : {}), ...(level ? { level } : {}) };
}

/** The pattern of a key typed or carried by a button (checked at the edge before anything is looked up). */
export const ALERT_KEY_PATTERN = /^[a-z_]+:[a-z_]+:[^\s:]+:-?\d+(?::[^\s:]+:[a-z]+)?$/;
