import type { Day } from '../calendar.ts';
import { FORMS, valueOf } from '../insights/metric-forms.ts';
import type { Totals } from '../insights/period-totals.ts';
import type { Metric } from '../metrics/metric.ts';
import type { AlertRules } from '../playbook/alerts.ts';
import type { StoreData } from '../store-data.ts';
import { alertKey, type Alert } from './alert.ts';
import { STORE, dayCache, type DayFigures } from './day-figures.ts';
import { sigmaEquivalent, tEquivalent } from './t-tail.ts';

// The warning lines of the playbook, checked over whole store days. Pure: the same
// store and day always give the same alerts, so the scheduler can re-run it after
// every import and hourly, and the outbox's keys make each alert go out once.

/** Every alert for the whole day `day` (normally yesterday), store-wide and per channel. */
export function evaluateAlerts(s: StoreData, day: Day, rules: AlertRules): Alert[] {
  const figures = dayCache(s);
  const where = [STORE, ...s.channelNames()];
  const out: Alert[] = [];
  const channelOf = (w: string) => (w === STORE ? undefined : w);

  // ROI over the last roiDays days, per channel: a pause proposal.
  for (const w of where.slice(1)) {
    let gmv = 0;
    let spend = 0;
    for (let d = day - rules.roiDays + 1; d <= day; d++) {
      const t = figures(d).get(w);
      gmv += t?.gmv ?? 0;
      spend += t?.spend ?? 0;
    }
    if (spend < rules.roiMinSpend || spend <= 0) continue;
    const roi = gmv / spend;
    if (roi < rules.roiBelow) out.push({ rule: 'roi_low', metric: 'roi', channel: w, day, severity: roi < 1 ? 'critical' : 'warning', value: roi, threshold: rules.roiBelow, direction: 'down' });
  }

  // A day's refund rate, on enough GMV to mean something.
  for (const w of where) {
    const t = figures(day).get(w);
    if (!t || t.gmv < rules.refundMinGmv) continue;
    const rate = t.refund / t.gmv;
    if (rate > rules.refundRateAbove) out.push({ rule: 'refund_rate_high', metric: 'refund_rate', channel: channelOf(w), day, severity: rate > 2 * rules.refundRateAbove ? 'critical' : 'warning', value: rate, threshold: rules.refundRateAbove, direction: 'up' });
  }

  // Conversion below its baseline `conversionDays` days running: a level-1 warning.
  for (const w of where) {
    let below = 0;
    for (let d = day; d > day - rules.conversionDays; d--) {
      const v = metricOn('conversion', figures(d), w);
      const base = baseline('conversion', figures, d, w, rules.baselineWeeks);
      if (v === null || !base || v >= base.mean * (1 - rules.conversionTolerance)) break;
      below++;
    }
    if (below === rules.conversionDays) {
      const base = baseline('conversion', figures, day, w, rules.baselineWeeks)!;
      out.push({ rule: 'conversion_below_baseline', metric: 'conversion', channel: channelOf(w), day, severity: 'warning', value: metricOn('conversion', figures(day), w)!, baseline: base.mean, direction: 'down' });
    }
  }

  // Anomalies: a figure far from the same weekday of the previous weeks; the strongest per channel.
  const limit = tEquivalent(rules.anomalySigma, rules.baselineWeeks - 1);
  for (const w of where) {
    let strongest: Alert | undefined;
    for (const metric of rules.anomalyMetrics) {
      const v = metricOn(metric, figures(day), w);
      const base = baseline(metric, figures, day, w, rules.baselineWeeks);
      if (v === null || !base || base.gmv < rules.anomalyMinGmv) continue;
      // A prediction interval: the new day's own spread plus the uncertainty of the mean.
      const spread = base.sd * Math.sqrt(1 + 1 / rules.baselineWeeks);
      if (spread <= 0) continue;
      const t = (v - base.mean) / spread;
      if (Math.abs(t) <= limit) continue;
      const sigma = sigmaEquivalent(t, rules.baselineWeeks - 1);
      if (strongest && strongest.sigma! >= sigma) continue;
      strongest = { rule: 'anomaly', metric, channel: channelOf(w), day, severity: sigma >= rules.anomalySigma + 1 ? 'critical' : 'warning', value: v, baseline: base.mean, sigma, direction: t > 0 ? 'up' : 'down' };
    }
    if (strongest) out.push(strongest);
  }
  return dedupe(out);
}

function metricOn(metric: Metric, f: DayFigures, where: string): number | null {
  const t = f.get(where);
  const form = FORMS[metric];
  if (!t || !form) return null;
  if ((metric === 'conversion' || metric === 'uv') && t.uv <= 0) return null;
  return valueOf(form, t);
}

interface Baseline {
  mean: number;
  sd: number;
  /** Mean GMV per day over the baseline days (a volume floor for anomalies). */
  gmv: number;
}

/** The same weekday of the previous `weeks` weeks; undefined unless every one of them has the figure. */
function baseline(metric: Metric, figures: (d: Day) => DayFigures, day: Day, where: string, weeks: number): Baseline | undefined {
  const values: number[] = [];
  let gmv = 0;
  for (let k = 1; k <= weeks; k++) {
    const f = figures(day - 7 * k);
    const v = metricOn(metric, f, where);
    if (v === null) return undefined;
    values.push(v);
    gmv += (f.get(where) as Totals).gmv;
  }
  const mean = values.reduce((a, b) => a + b, 0) / weeks;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (weeks - 1));
  return { mean, sd, gmv: gmv / weeks };
}

function dedupe(alerts: Alert[]): Alert[] {
  const seen = new Set<string>();
  return alerts.filter((a) => {
    const k = alertKey(a);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
