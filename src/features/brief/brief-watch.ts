import { alertKey } from '../../domain/alerts/alert.ts';
import type { Day } from '../../domain/calendar.ts';
import { explainChange } from '../../domain/insights/drivers.ts';
import { measure } from '../../domain/metrics/measure.ts';
import type { Metric } from '../../domain/metrics/metric.ts';
import type { Period } from '../../domain/periods.ts';
import { pace } from '../../domain/targets/pacing.ts';
import { formatDay } from '../../domain/calendar.ts';
import { ruleName } from '../alerts/alert-reply.ts';
import { openAlertState } from '../alerts/alert-state.ts';
import { dayAlerts, stockAlertsBetween } from '../alerts/current-alerts.ts';
import { channelName } from '../shared/channels.ts';
import { formatChange } from '../shared/format.ts';
import { driverName } from '../insights/driver-names.ts';
import { signed } from '../insights/why-reply.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { metricName } from '../metrics/metric-names.ts';
import type { Block } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { LIGHT_ICON, targetMetricName } from '../targets/kpi-reply.ts';

// What the daily brief adds to its key figures: the same weekday last week, the channels that
// moved most, one "why" sentence for the biggest move, the open alerts and the KPI lights.

const day = (d: Day): Period => ({ kind: 'range', from: d, to: d });

export async function briefWatchBlocks(services: Services, d: Day, metrics: Metric[], lang: Lang): Promise<Block[]> {
  const t = say(lang);
  const { currency } = services.store;
  const lines: string[] = [];

  const lastWeek = metrics.flatMap((m) => {
    const now = measure(services.data, m, day(d));
    const then = measure(services.data, m, day(d - 7));
    const c = formatChange(now.value, then.value, now.unit, currency, lang);
    return c ? [`${metricName(m, lang)} ${c.text}`] : [];
  });
  if (lastWeek.length) lines.push(t(`对比上周同日：${lastWeek.join('，')}`, `vs the same weekday last week: ${lastWeek.join(', ')}`));

  const gmv = explainChange(services.data, 'gmv', day(d), day(d - 1));
  if (typeof gmv !== 'string' && gmv.change !== 0) {
    const movers = gmv.channels.filter((x) => x.name !== 'several_channels').slice(0, 3);
    if (movers.length) lines.push(t(`变化最大的渠道：${movers.map((x) => `${channelName(x.name, lang)} ${signed(x.change, 'money', currency, lang)}`).join('，')}`, `Channels that moved most: ${movers.map((x) => `${channelName(x.name, lang)} ${signed(x.change, 'money', currency, lang)}`).join(', ')}`));
    const top = gmv.factors[0];
    if (top) lines.push(t(`为什么：GMV ${signed(gmv.change, 'money', currency, lang)}，主要来自${driverName(top, lang)}（${signed(top.change, 'money', currency, lang)}）。`, `Why: GMV ${signed(gmv.change, 'money', currency, lang)}, mostly from ${driverName(top, lang)} (${signed(top.change, 'money', currency, lang)}).`));
  }

  const nowMs = services.clock.now().getTime();
  const acks = (await openAlertState(services.docs)).data.acks;
  const open = [...dayAlerts(services, d, nowMs), ...(await stockAlertsBetween(services, d, d, nowMs))].filter((a) => !acks[alertKey(a)]);
  const where = (a: (typeof open)[number]) => a.sku ?? (a.channel ? channelName(a.channel, lang) : t('全店', 'store'));
  if (open.length) lines.push(t(`未确认的预警 ${open.length} 条：${open.slice(0, 4).map((a) => `${ruleName(a.rule, lang)}·${where(a)}`).join('，')}`, `Open alerts (${open.length}): ${open.slice(0, 4).map((a) => `${ruleName(a.rule, lang)} · ${where(a)}`).join(', ')}`));

  const targets = (await services.books.targets()).month(formatDay(d + 1).slice(0, 7));
  if (targets.length) {
    const rules = services.playbook.alerts;
    const lights = targets.map((tg) => pace(services.data, tg, nowMs, services.calendar, rules)).map((p) => `${targetMetricName(p.target.metric, lang)}${p.target.channel ? `·${channelName(p.target.channel, lang)}` : ''} ${LIGHT_ICON[p.light]}${p.completion === null ? '' : ` ${Math.round(p.completion * 100)}%`}`);
    lines.push(`KPI: ${lights.join(t('，', ', '))}`);
  }
  return lines.length ? [{ type: 'text', text: lines.join('\n') }] : [];
}
