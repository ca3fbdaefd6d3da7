import type { Alert } from '../../domain/alerts/alert.ts';
import { evaluateAlerts } from '../../domain/alerts/evaluate.ts';
import { kpiAlerts } from '../../domain/alerts/kpi-alerts.ts';
import { stockLevelAlerts } from '../../domain/alerts/stock-alerts.ts';
import type { Day } from '../../domain/calendar.ts';
import type { Rollups } from '../../domain/orders/rollups.ts';
import { pace } from '../../domain/targets/pacing.ts';
import { formatDay } from '../../domain/calendar.ts';
import type { Services } from '../../bot/services.ts';

// The alerts of a store day: the warning lines over that whole day, for today the KPI
// pacing, and the stock levels SKUs fell to (stored by the stock book as they happen). Evaluations are kept per order rollups (rebuilt by every import) for ten minutes,
// so the scheduler's every-minute tick re-checks after each import and about hourly otherwise.

const FRESH_MS = 10 * 60_000;
const cache = new WeakMap<Rollups, Map<Day, { at: number; alerts: Alert[] }>>();

/** Alerts about the whole day `day` (normally yesterday). */
export function dayAlerts(services: Services, day: Day, nowMs: number): Alert[] {
  const r = services.data.rollups;
  let byDay = cache.get(r);
  if (!byDay) cache.set(r, (byDay = new Map()));
  const hit = byDay.get(day);
  if (hit && nowMs - hit.at < FRESH_MS) return hit.alerts;
  const alerts = evaluateAlerts(services.data, day, services.playbook.alerts);
  byDay.set(day, { at: nowMs, alerts });
  return alerts;
}

/** KPI targets of the current month behind their pace, as of now. */
export async function kpiAlertsNow(services: Services, nowMs: number): Promise<Alert[]> {
  const today = services.calendar.dayOf(nowMs);
  const targets = (await services.books.targets()).month(formatDay(today).slice(0, 7));
  const rules = services.playbook.alerts;
  return kpiAlerts(targets.map((t) => pace(services.data, t, nowMs, services.calendar, rules)), today);
}

/** Stock level crossings of the store days `from`..`to`, up to now, as alerts. */
export async function stockAlertsBetween(services: Services, from: Day, to: Day, nowMs: number): Promise<Alert[]> {
  const book = await services.books.stock();
  const cal = services.calendar;
  return stockLevelAlerts(book.doc.data.alerts.filter((c) => c.at <= nowMs), (ms) => cal.dayOf(ms)).filter((a) => a.day >= from && a.day <= to);
}

/** Today's list: yesterday's alerts, the KPI lights now, and stock crossings since yesterday began. */
export async function alertsNow(services: Services, nowMs: number): Promise<Alert[]> {
  const today = services.calendar.dayOf(nowMs);
  return [...dayAlerts(services, today - 1, nowMs), ...(await kpiAlertsNow(services, nowMs)), ...(await stockAlertsBetween(services, today - 1, today, nowMs))];
}
