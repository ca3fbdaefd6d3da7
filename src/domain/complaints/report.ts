import { LEVELS, SEVERITIES, type Complaint, type Level, type Severity } from './complaint.ts';
import { pausesOf } from './deadlines.ts';
import type { WorkingTime } from './working-time.ts';

// The complaint report for a period: complaints logged in it, how fast they were answered
// and resolved (working time, pauses excluded), deadlines missed and escalations made.

export interface Spread {
  count: number;
  /** Milliseconds; undefined when nothing was measured. */
  median?: number;
  p90?: number;
}

export interface ComplaintReport {
  total: number;
  bySeverity: Record<Severity, number>;
  open: number;
  firstResponse: Spread;
  resolution: Spread;
  breaches: { firstResponse: number; resolution: number };
  escalations: Record<Level, number>;
  byChannel: { channel: string; count: number; serious: number; breached: number }[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | undefined {
  if (!sorted.length) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
};

export function complaintReport(all: Complaint[], fromMs: number, toMs: number, time: WorkingTime): ComplaintReport {
  const logged = all.filter((c) => {
    const t = Date.parse(c.createdAt);
    return t >= fromMs && t < toMs;
  });
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const escalations = Object.fromEntries(LEVELS.slice(1).map((l) => [l, 0])) as Record<Level, number>;
  const channels = new Map<string, { channel: string; count: number; serious: number; breached: number }>();
  const fr: number[] = [];
  const res: number[] = [];
  let frBreaches = 0;
  let resBreaches = 0;
  for (const c of logged) {
    bySeverity[c.severity] += 1;
    const created = Date.parse(c.createdAt);
    const pauses = pausesOf(c);
    if (c.ackAt) fr.push(time.between(created, Date.parse(c.ackAt), pauses));
    if (c.resolvedAt) res.push(time.between(created, Date.parse(c.resolvedAt), pauses));
    for (const e of c.escalations) escalations[e.level] = (escalations[e.level] ?? 0) + 1;
    const frMissed = c.escalations.some((e) => e.step === 'first_response');
    const resMissed = c.escalations.some((e) => e.step.startsWith('resolution'));
    frBreaches += frMissed ? 1 : 0;
    resBreaches += resMissed ? 1 : 0;
    const key = c.channel ?? '';
    const row = channels.get(key) ?? { channel: key, count: 0, serious: 0, breached: 0 };
    row.count += 1;
    row.serious += c.severity === 'serious' ? 1 : 0;
    row.breached += frMissed || resMissed ? 1 : 0;
    channels.set(key, row);
  }
  return {
    total: logged.length,
    bySeverity,
    open: logged.filter((c) => c.status !== 'resolved').length,
    firstResponse: spread(fr),
    resolution: spread(res),
    breaches: { firstResponse: frBreaches, resolution: resBreaches },
    escalations,
    byChannel: [...channels.values()].sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel)),
  };
}
