import type { Day } from '../calendar.ts';

// An alert: which warning line was crossed, where, by how much. Its key makes it
// once-only: at most one alert per rule, channel and day (and metric, for KPI targets; anomalies keep the strongest metric per channel).

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
}

export const alertKey = (a: Pick<Alert, 'rule' | 'metric' | 'channel' | 'day'>): string => `${a.rule}:${a.metric}:${a.channel ?? '*'}:${a.day}`;
