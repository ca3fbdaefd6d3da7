import { formatDay } from '../../domain/calendar.ts';
import type { Driver, Explanation } from '../../domain/insights/drivers.ts';
import { UNIT, type Unit } from '../../domain/metrics/metric.ts';
import { toMajor } from '../../domain/money.ts';
import type { Period } from '../../domain/periods.ts';
import { channelName } from '../shared/channels.ts';
import { formatChange, formatMoney, formatValue } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { metricName } from '../metrics/metric-names.ts';
import type { Block, Reply } from '../../chat/reply.ts';
import { KIND_NAMES, driverName } from './driver-names.ts';

// "Why did GMV drop yesterday": one headline, then two to five plain sentences, biggest
// driver first, then the table of every driver. The JSON carries the drivers as numbers.

export interface WhyContext {
  lang: Lang;
  currency: string;
  period: Period;
  before: Period;
  channel?: string;
}

/** A signed change in the metric's unit: +¥1,200.00, -35, -0.80pp, +0.12. */
export function signed(change: number, unit: Unit, currency: string, lang: Lang): string {
  const sign = change > 0 ? '+' : change < 0 ? '-' : '±';
  const abs = Math.abs(change);
  if (unit === 'money') return `${sign}${formatMoney(abs, currency, lang)}`;
  if (unit === 'ratio') return `${sign}${(abs * 100).toFixed(2)}${lang === 'zh' ? '个百分点' : 'pp'}`;
  if (unit === 'multiple') return `${sign}${abs.toFixed(2)}`;
  return `${sign}${Math.round(abs).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}`;
}

/** SKUs explain amounts and counts, not rates: a SKU line under "why did conversion fall" would mislead. */
const SKU_METRICS = new Set(['gmv', 'net_gmv', 'orders', 'aov']);

const span = (p: Period) => (p.from === p.to ? formatDay(p.from) : `${formatDay(p.from)} – ${formatDay(p.to)}`);

export function whyReply(e: Explanation, c: WhyContext): Reply {
  const t = say(c.lang);
  const unit = UNIT[e.metric];
  const name = metricName(e.metric, c.lang);
  const where = c.channel ? `${channelName(c.channel, c.lang)} ` : '';
  const moved = e.change > 0 ? t('上升', 'rose') : e.change < 0 ? t('下降', 'fell') : t('持平', 'was flat');
  // Ratios move in percentage points, which the change itself already says; amounts also get a percent.
  const pct = unit === 'ratio' ? '' : formatChange(e.value, e.previous, unit, c.currency, c.lang)?.text ?? '';
  const by = (lang: Lang) => `${signed(Math.abs(e.change), unit, c.currency, lang).slice(1)}${pct ? (lang === 'zh' ? `（${pct}）` : ` (${pct})`) : ''}`;
  const value = formatValue(e.value, unit, c.currency, c.lang);
  const previous = formatValue(e.previous, unit, c.currency, c.lang);
  const headline = t(
    `${where}${name} ${span(c.period)} ${moved} ${by('zh')}：${value}，对比 ${span(c.before)} 的 ${previous}。`,
    `${where}${name} ${moved} ${by('en')} in ${span(c.period)}: ${value} against ${previous} in ${span(c.before)}.`,
  );
  const fmt = (d: Driver) => `${driverName(d, c.lang)} ${signed(d.change, d.kind === 'sku' && e.metric === 'orders' ? 'count' : d.kind === 'sku' ? 'money' : unit, c.currency, c.lang)}`;
  const sentences: { size: number; text: string }[] = [];
  const list = (ds: Driver[], n: number) => ds.filter((d) => d.change !== 0).slice(0, n).map(fmt).join(t('，', ', '));
  if (e.factors.length) sentences.push({ size: Math.abs(e.factors[0].change), text: t(`拆开看：${list(e.factors, 4)}。`, `By factor: ${list(e.factors, 4)}.`) });
  if (e.channels.length) sentences.push({ size: Math.abs(e.channels[0].change), text: t(`按渠道：${list(e.channels, 3)}。`, `By channel: ${list(e.channels, 3)}.`) });
  const groups = e.buyers.filter((d) => d.name === 'new' || d.name === 'returning');
  if (groups.length) sentences.push({ size: Math.abs(groups[0].change), text: t(`新老客：${list(groups, 2)}。`, `New vs returning: ${list(groups, 2)}.`) });
  if (e.skus.length && SKU_METRICS.has(e.metric)) sentences.push({ size: 0, text: t(`变化最大的商品：${list(e.skus, 3)}。`, `SKUs that moved most: ${list(e.skus, 3)}.`) });
  if (e.change === 0) sentences.length = 0;
  sentences.sort((a, b) => b.size - a.size);
  const rows = [...e.factors, ...e.channels.slice(0, 6), ...e.buyers, ...(SKU_METRICS.has(e.metric) ? e.skus.slice(0, 3) : [])].map((d) => [t(KIND_NAMES[d.kind][0], KIND_NAMES[d.kind][1]), driverName(d, c.lang), fmt(d).slice(driverName(d, c.lang).length + 1)]);
  const blocks: Block[] = [
    { type: 'text', text: t(`为什么变了 · ${where}${name}`, `Why it moved · ${where}${name}`), tone: 'heading' },
    { type: 'text', text: [headline, ...sentences.slice(0, 4).map((s) => s.text)].join('\n') },
  ];
  if (rows.length) blocks.push({ type: 'table', columns: [{ title: t('类别', 'kind'), align: 'left' }, { title: t('驱动', 'driver'), align: 'left' }, { title: t('变化', 'change'), align: 'right' }], rows });
  blocks.push({ type: 'context', text: t('各因素、各渠道、新老客分别加总等于总变化。', 'Factors, channels and new/returning each add up to the whole change.') });
  const money = (v: number, u: Unit) => (u === 'money' ? toMajor(v, c.currency) : v);
  const driverUnit = (d: Driver): Unit => (d.kind === 'sku' ? (e.metric === 'orders' ? 'count' : 'money') : unit);
  return {
    lang: c.lang,
    blocks,
    summary: headline,
    data: {
      metric: e.metric,
      ...(c.channel ? { channel: c.channel } : {}),
      from: formatDay(c.period.from),
      to: formatDay(c.period.to),
      previousFrom: formatDay(c.before.from),
      previousTo: formatDay(c.before.to),
      value: money(e.value, unit),
      previous: money(e.previous, unit),
      currency: c.currency,
      drivers: [...e.factors, ...e.channels, ...e.skus, ...e.buyers].map((d) => ({ kind: d.kind, name: d.name, change: money(d.change, driverUnit(d)) })),
    },
  };
}
