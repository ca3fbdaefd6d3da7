import { formatDay } from '../../domain/calendar.ts';
import type { Alert } from '../../domain/alerts/alert.ts';
import { alertKey } from '../../domain/alerts/alert.ts';
import { explainChange } from '../../domain/insights/drivers.ts';
import { UNIT, type Metric } from '../../domain/metrics/metric.ts';
import { channelName } from '../shared/channels.ts';
import { formatValue } from '../shared/format.ts';
import { whyReply } from '../insights/why-reply.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { metricName } from '../metrics/metric-names.ts';
import type { Block, Reply } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { stockAlertParts } from '../stock/stock-alert-card.ts';
import { levelName } from '../stock/stock-view.ts';
import { targetMetricName } from '../targets/kpi-reply.ts';

// An alert as people read it: the rule, where, the value against its line or baseline, the
// severity, the why-it-moved lines, and buttons to acknowledge, mute or see the full breakdown.

const RULE_NAMES: Record<Alert['rule'], [string, string]> = {
  roi_low: ['ROI 过低', 'ROI below the line'],
  refund_rate_high: ['退款率过高', 'Refund rate above the line'],
  conversion_below_baseline: ['转化率连续低于基线（一级预警）', 'Conversion below baseline (level-1 warning)'],
  anomaly: ['异常波动', 'Unusual move'],
  kpi_pacing: ['KPI 进度落后', 'KPI behind pace'],
  stock_level: ['库存预警', 'Stock level'],
};

export const ruleName = (rule: Alert['rule'], lang: Lang) => RULE_NAMES[rule][lang === 'zh' ? 0 : 1];

function fact(a: Alert, lang: Lang, currency: string): string {
  const t = say(lang);
  const where = a.channel ? channelName(a.channel, lang) : t('全店', 'the store');
  const day = formatDay(a.day);
  const metric = a.metric as Metric;
  const v = (x: number) => (a.rule === 'kpi_pacing' ? `${Math.round(x * 100)}%` : formatValue(x, UNIT[metric] ?? 'count', currency, lang));
  switch (a.rule) {
    case 'roi_low':
      return t(`${where} 近 7 天 ROI ${v(a.value)}，低于 ${v(a.threshold!)}：建议暂停投放（可发「申请 ${a.channel} 预算 -金额 原因」走审批）。`, `${where}'s ROI over the last 7 days is ${v(a.value)}, below ${v(a.threshold!)}: consider pausing it (a budget request like "budget request ${a.channel} -amount reason" goes to approval).`);
    case 'refund_rate_high':
      return t(`${where} ${day} 退款率 ${v(a.value)}，高于 ${v(a.threshold!)}。`, `${where}'s refund rate on ${day} is ${v(a.value)}, above ${v(a.threshold!)}.`);
    case 'conversion_below_baseline':
      return t(`${where} 转化率已连续多天低于基线：${day} 为 ${v(a.value)}，基线（前几周同一工作日均值）${v(a.baseline!)}。`, `${where}'s conversion has been below its baseline for days running: ${v(a.value)} on ${day} against ${v(a.baseline!)} (same weekday, previous weeks).`);
    case 'anomaly':
      return t(`${where} ${day} ${metricName(metric, 'zh')} ${v(a.value)}，${a.direction === 'up' ? '高于' : '低于'}基线 ${v(a.baseline!)} 约 ${a.sigma!.toFixed(1)} 个标准差。`, `${where}'s ${metricName(metric, 'en')} on ${day} is ${v(a.value)}, ${a.sigma!.toFixed(1)} standard deviations ${a.direction === 'up' ? 'above' : 'below'} its baseline ${v(a.baseline!)}.`);
    case 'kpi_pacing':
      return t(`${where} ${targetMetricName(a.metric as never, 'zh')} 目标只完成进度的 ${v(a.value)}（低于 ${v(a.threshold!)}）。`, `${where}'s ${targetMetricName(a.metric as never, 'en')} target is at ${v(a.value)} of its pace (below ${v(a.threshold!)}).`);
    case 'stock_level':
      // Cards of stock alerts say their SKU through stockAlertParts; this is only for one without its crossing.
      return t(`${a.sku ?? where} 库存预警。`, `${a.sku ?? where}: stock level.`);
  }
}

/**
 * Why `metric` moved for an alert: its day (a ROI alert: its 7 days) against the same weekdays a
 * week before, in the alert's channel; undefined without the data to split it.
 */
export function explainAlert(a: Alert, metric: Metric, services: Services, lang: Lang): { reply: Reply; change: number } | undefined {
  const period = a.rule === 'roi_low' ? { kind: 'range' as const, from: a.day - 6, to: a.day } : { kind: 'range' as const, from: a.day, to: a.day };
  const before = { ...period, from: period.from - 7, to: period.to - 7 };
  const e = explainChange(services.data, metric, period, before, a.channel);
  if (typeof e === 'string') return undefined;
  return { reply: whyReply(e, { lang, currency: services.store.currency, period, before, ...(a.channel ? { channel: a.channel } : {}) }), change: e.change };
}

/** The card's why-it-moved lines: the first lines of explainAlert. */
function whyLines(a: Alert, services: Services, lang: Lang): string[] {
  if (a.rule === 'kpi_pacing' || a.rule === 'stock_level') return [];
  const why = explainAlert(a, (a.rule === 'roi_low' ? 'gmv' : a.metric) as Metric, services, lang);
  if (!why || why.change === 0) return [];
  const body = why.reply.blocks.find((b) => b.type === 'text' && b.tone !== 'heading') as { text: string } | undefined;
  return body ? body.text.split('\n').slice(0, 3) : [];
}

export function alertReply(a: Alert, services: Services, lang: Lang, ack?: { by: string; at: string }): Reply {
  const t = say(lang);
  const key = alertKey(a);
  const sev = a.severity === 'critical' ? t('🚨 严重', '🚨 Critical') : t('⚠ 警告', '⚠ Warning');
  const stock = a.rule === 'stock_level' && a.stock ? stockAlertParts(a, services, lang) : undefined;
  const said = stock?.fact ?? fact(a, lang, services.store.currency);
  const blocks: Block[] = [
    { type: 'text', text: `${sev} · ${ruleName(a.rule, lang)}`, tone: 'heading' },
    { type: 'text', text: said },
  ];
  const why = whyLines(a, services, lang);
  if (why.length) blocks.push({ type: 'text', text: why.join('\n'), tone: 'muted' });
  if (stock) blocks.push(...stock.blocks);
  if (ack) blocks.push({ type: 'context', text: t(`✓ ${ack.by.replace(/^[a-z]+:/, '')} 已于 ${services.calendar.formatTime(Date.parse(ack.at))} 确认`, `✓ acknowledged by ${ack.by.replace(/^[a-z]+:/, '')} at ${services.calendar.formatTime(Date.parse(ack.at))}`) });
  blocks.push({
    type: 'choices',
    choices: [
      ...(ack ? [] : [{ label: t('确认', 'Acknowledge'), action: { id: 'alert_ack', value: key }, style: 'primary' as const }]),
      { label: t('静音 7 天', 'Mute 7 days'), action: { id: 'alert_mute', value: `${key} 7` } },
      // A stock alert's "why" is the SKU itself: its levels, cover and trend.
      a.sku !== undefined ? { label: t('库存详情', 'Stock detail'), action: { id: 'stock', value: a.sku } } : { label: t('为什么', 'Why'), action: { id: 'alert_why', value: key } },
    ],
  });
  return {
    lang,
    blocks,
    summary: `${sev} ${ruleName(a.rule, lang)}: ${said}`,
    data: { alert: alertData(a) },
  };
}

/** An alert as `--json` gives it (lists and cards alike); stock alerts add the SKU and the level reached. */
export const alertData = (a: Alert) => ({
  key: alertKey(a),
  rule: a.rule,
  metric: a.metric,
  channel: a.channel ?? null,
  day: formatDay(a.day),
  severity: a.severity,
  value: a.value,
  threshold: a.threshold ?? a.baseline ?? null,
  ...(a.sku !== undefined ? { sku: a.sku, level: a.stock?.level ?? null } : {}),
});

/** The rule as a list row names it: a stock alert says which SKU and what level. */
export const alertTitle = (a: Alert, lang: Lang) => (a.sku !== undefined ? `${ruleName(a.rule, lang)} · ${a.sku}${a.stock ? ` ${levelName(a.stock.level, lang)}` : ''}` : ruleName(a.rule, lang));
