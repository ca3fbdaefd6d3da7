import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/domain/alerts/alert.ts';
import { evaluateAlerts } from '../../../src/domain/alerts/evaluate.ts';
import { explainChange, type Explanation } from '../../../src/domain/insights/drivers.ts';
import { alertRules } from '../../../src/domain/playbook/alerts.ts';
import { FIRST, steadyStore } from '../../support/steady-store.ts';

const rules = alertRules();
const DAYS = 60;
const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => FIRST + from + i);
/** Every alert over a run of days, as the hourly evaluation would raise them (keys make each once). */
const over = (data: ReturnType<typeof steadyStore>, ds: number[]) => {
  const byKey = new Map<string, Alert>();
  for (const d of ds) for (const a of evaluateAlerts(data, d, rules)) byKey.set(`${a.rule}:${a.channel ?? '*'}:${a.day}`, a);
  return [...byKey.values()];
};

describe('alert rules on a generated store', () => {
  it('an unchanged store raises no more anomalies than the threshold promises, and no other alert', () => {
    const data = steadyStore(DAYS);
    const alerts = over(data, days(29, DAYS - 1));
    expect(alerts.filter((a) => a.rule !== 'anomaly')).toEqual([]);
    // 31 days × 6 places × 6 metrics checks at a two-sided 0.27 % each: about 3 expected by chance.
    const checks = 31 * 6 * rules.anomalyMetrics.length;
    expect(alerts.length).toBeLessThanOrEqual(Math.ceil(checks * 0.0027 + 3 * Math.sqrt(checks * 0.0027)));
  });

  it("a channel's conversion cut by 40 % for three days raises one level-1 conversion warning for it, on the third day", () => {
    const cut = [FIRST + 50, FIRST + 51, FIRST + 52];
    const data = steadyStore(DAYS, { conversion: (d, ch) => (ch === 'douyin' && cut.includes(d) ? 0.6 : 1) });
    const conv = over(data, days(40, DAYS - 1)).filter((a) => a.rule === 'conversion_below_baseline');
    expect(conv.map((a) => [a.channel, a.day, a.severity])).toEqual([['douyin', FIRST + 52, 'warning']]);
    expect(conv[0].value).toBeLessThan(conv[0].baseline! * 0.7);
    // Why GMV moved that day: douyin is the top channel driver, conversion the top factor.
    const e = explainChange(data, 'gmv', { kind: 'range', from: FIRST + 52, to: FIRST + 52 }, { kind: 'range', from: FIRST + 45, to: FIRST + 45 }) as Explanation;
    expect(e.channels[0].name).toBe('douyin');
    expect(e.factors[0].name).toBe('conversion');
  });

  it('a refund spike in one channel raises one refund alert for it, critical above twice the line', () => {
    const data = steadyStore(DAYS, { refundShare: (d, ch) => (ch === 'jd' && d === FIRST + 55 ? 0.2 : 0.02) });
    const refunds = over(data, days(40, DAYS - 1)).filter((a) => a.rule === 'refund_rate_high');
    expect(refunds.map((a) => [a.channel, a.day, a.severity])).toEqual([['jd', FIRST + 55, 'critical']]);
    expect(refunds[0].threshold).toBe(0.05);
  });

  it('a channel whose ROI falls to 1.2 gets one pause proposal', () => {
    const data = steadyStore(DAYS, { spend: (d, ch) => (ch === 'xiaohongshu' && d > FIRST + 40 ? 2.5 : 1) });
    const roi = evaluateAlerts(data, FIRST + 59, rules).filter((a) => a.rule === 'roi_low');
    expect(roi.map((a) => a.channel)).toEqual(['xiaohongshu']);
    expect(roi[0].value).toBeGreaterThan(1.1);
    expect(roi[0].value).toBeLessThan(1.3);
  });
});
