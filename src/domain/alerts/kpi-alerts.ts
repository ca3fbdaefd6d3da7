import type { Day } from '../calendar.ts';
import type { Pace } from '../targets/pacing.ts';
import type { Alert } from './alert.ts';

/** A KPI behind its pace is an alert: red (below 80 % of pace) critical, yellow (below 90 %) a warning. */
export function kpiAlerts(paces: Pace[], day: Day): Alert[] {
  return paces
    .filter((p) => p.light !== 'green' && p.completion !== null)
    .map((p) => ({
      rule: 'kpi_pacing' as const,
      metric: p.target.metric,
      ...(p.target.channel ? { channel: p.target.channel } : {}),
      day,
      severity: p.light === 'red' ? ('critical' as const) : ('warning' as const),
      value: p.completion!,
      threshold: p.light === 'red' ? 0.8 : 0.9,
      direction: 'down' as const,
    }));
}
