import { civil, formatDay } from '../../domain/calendar.ts';
import type { Measurement } from '../../domain/metrics/measure.ts';
import { ADDITIVE } from '../../domain/metrics/measure.ts';
import { toMajor } from '../../domain/money.ts';
import type { CompareKind, Grain, Period } from '../../domain/periods.ts';
import { channelName } from '../shared/channels.ts';
import { arrow, clockOfDay, dateSpan, formatChange, formatValue, periodLabel } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Block, ChartBlock, Reply, TableColumn } from '../../chat/reply.ts';
import { metricName } from './metric-names.ts';
import { count } from '../shared/counts.ts';
import type { Question } from './question.ts';

export interface Answer {
  m: Measurement;
  q: Question;
  compare: CompareKind;
  trend?: TrendValues;
}

const COMPARE: Record<CompareKind, [string, string]> = {
  previous: ['环比', 'vs previous period'],
  last_year: ['同比去年同期', 'vs same period last year'],
  last_week_same_day: ['对比上周同日', 'vs same day last week'],
  custom: ['对比', 'vs'],
};

/** What was measured, in one line: metric, channel, period with dates, comparison basis. */
function headline(a: Answer, lang: Lang): string {
  const { m, q } = a;
  const period = q.period.name ? `${q.period.name[lang]} ${dateSpan(m.period, lang, clockOfDay)}` : q.period.named ? periodLabel(m.period, lang, clockOfDay) : dateSpan(m.period, lang, clockOfDay);
  const channel = q.channel ? ` · ${channelName(q.channel, lang)}` : '';
  const versus = `${COMPARE[a.compare][lang === 'zh' ? 0 : 1]} ${dateSpan(m.previousPeriod, lang, clockOfDay)}`;
  return `${metricName(m.metric, lang)}${channel} · ${period} · ${versus}`;
}

function pointLabel(p: Period, grain: Grain): string {
  const d = formatDay(p.from);
  if (grain === 'month' && d.endsWith('-01') && civil(p.to + 1).d === 1) return d.slice(0, 7);
  if (grain === 'day') return d.slice(5);
  return p.from === p.to ? d.slice(5) : `${d.slice(5)}–${formatDay(p.to).slice(5)}`;
}

/** Turns a measurement into a Reply: the headline, the figure with its change, a table (and chart) when broken down or a trend, and the JSON answer. */
export function metricReply(a: Answer, lang: Lang, currency: string, timeZone: string): Reply {
  const { m, q } = a;
  const t = say(lang);
  const name = metricName(m.metric, lang);
  const fmt = (v: number | null) => formatValue(v, m.unit, currency, lang);
  const change = formatChange(m.value, m.previous, m.unit, currency, lang);
  const blocks: Block[] = [{ type: 'text', text: headline(a, lang), tone: 'heading' }];
  for (const g of q.guesses) blocks.push({ type: 'text', text: t(`（把「${g.typed}」理解为「${g.read}」）`, `(read "${g.typed}" as "${g.read}")`), tone: 'muted' });
  const rowKey = (k: string) => (m.by === 'channel' ? channelName(k, lang) : k);
  const valueKind = m.unit === 'money' ? 'money' : m.unit === 'ratio' ? 'percent' : m.unit === 'count' ? 'count' : undefined;

  if (m.metric !== 'top_skus') blocks.push({ type: 'figures', items: [{ label: name, value: fmt(m.value), ...(change ? { change } : {}) }] });
  if (m.rows && m.rows.length > 0) {
    const first = m.by === 'channel' ? t('渠道', 'Channel') : 'SKU';
    const columns: TableColumn[] = [{ title: first, align: 'left' }];
    if (m.by === 'sku') columns.push({ title: t('件数', 'Units'), align: 'right' });
    columns.push({ title: m.metric === 'top_skus' ? t('销售额', 'Sales') : name, align: 'right' }, { title: t('上期', 'Previous'), align: 'right' }, { title: t('变化', 'Change'), align: 'right' });
    const changes = m.rows.map((r) => formatChange(r.value, r.previous, m.unit, currency, lang));
    const rows = m.rows.map((r, i) => {
      const cells = [rowKey(r.key)];
      if (m.by === 'sku') cells.push(count(r.qty ?? 0));
      cells.push(fmt(r.value), fmt(r.previous), changes[i] ? `${arrow(changes[i])}${changes[i]!.text}` : '—');
      return cells;
    });
    blocks.push({ type: 'table', columns, rows });
    const points = m.rows.flatMap((r, i) => (r.value === null ? [] : [{ label: rowKey(r.key), value: r.value, display: fmt(r.value), ...(changes[i] ? { change: changes[i]!.text } : {}) }]));
    // A picture helps past three rows; three or fewer read fine as the table.
    if (points.length > 3) blocks.push({ type: 'chart', kind: 'bar', title: `${name} · ${periodLabel(m.period, lang)}`, points, valueKind: m.unit === 'money' ? 'money' : m.unit === 'ratio' ? 'percent' : 'count', currency });
  } else if (m.metric === 'top_skus') {
    blocks.push({ type: 'text', text: t('这段时间没有商品销售记录。', 'No SKU sales in this period.'), tone: 'muted' });
  }
  const tr = a.trend;
  if (tr) {
    const rows = tr.points.map((p, i) => {
      const c = formatChange(tr.current[i], tr.prevValues[i] ?? null, m.unit, currency, lang);
      return [pointLabel(p, tr.grain), fmt(tr.current[i]), fmt(tr.prevValues[i] ?? null), c ? `${arrow(c)}${c.text}` : '—'];
    });
    rows.push([ADDITIVE.has(m.metric) ? t('合计', 'Total') : t('全期', 'Whole period'), fmt(m.value), fmt(m.previous), change ? `${arrow(change)}${change.text}` : '—']);
    const unitName = { day: t('日期', 'Day'), week: t('周', 'Week'), month: t('月份', 'Month') }[tr.grain];
    blocks.push({ type: 'table', columns: [{ title: unitName, align: 'left' }, { title: name, align: 'right' }, { title: t('对比', 'Compared'), align: 'right' }, { title: t('变化', 'Change'), align: 'right' }], rows });
    const toPoints = (periods: Period[], values: (number | null)[]) => periods.flatMap((p, i) => (values[i] === null || values[i] === undefined ? [] : [{ label: pointLabel(p, tr.grain), value: values[i]!, display: fmt(values[i]!) }]));
    const chart: ChartBlock = { type: 'chart', kind: 'line', title: `${name}${q.channel ? ` · ${channelName(q.channel, lang)}` : ''} · ${periodLabel(m.period, lang)}`, currency, points: toPoints(tr.points, tr.current), compare: { label: dateSpan(m.previousPeriod, lang), points: toPoints(tr.previous, tr.prevValues) }, ...(valueKind ? { valueKind } : {}) };
    blocks.push(chart);
  }
  if (m.value === null && !m.rows?.length) {
    const why = m.metric === 'conversion' || m.metric === 'uv' ? t('还没有导入访客数据（import traffic）。', 'No visitor data imported yet (import traffic).') : m.metric === 'roi' || m.metric === 'spend' ? t('还没有导入广告花费（import spend）。', 'No ad spend imported yet (import spend).') : t('这段时间没有已支付订单。', 'No paid orders in this period.');
    blocks.push({ type: 'text', text: why, tone: 'muted' });
  }
  blocks.push({ type: 'context', text: t(`对比 ${dateSpan(m.previousPeriod, lang, clockOfDay)} · 时区 ${timeZone}`, `vs ${dateSpan(m.previousPeriod, lang, clockOfDay)} · ${timeZone} time`) });

  const major = (v: number | null) => (v === null ? null : m.unit === 'money' ? toMajor(v, currency) : v);
  const data = {
    metric: m.metric,
    ...(q.channel ? { channel: q.channel } : {}),
    from: formatDay(m.period.from),
    to: formatDay(m.period.to),
    ...(m.period.cutoffMs !== undefined ? { until: clockOfDay(m.period.cutoffMs) } : {}),
    value: major(m.value),
    previous: major(m.previous),
    previousFrom: formatDay(m.previousPeriod.from),
    previousTo: formatDay(m.previousPeriod.to),
    compare: a.compare,
    unit: m.unit,
    currency,
    ...(q.guesses.length ? { guessed: q.guesses } : {}),
    ...(m.rows ? { rows: m.rows.map((r) => ({ [m.by === 'sku' ? 'sku' : 'channel']: r.key, value: major(r.value), previous: major(r.previous), ...(r.qty !== undefined ? { qty: r.qty } : {}) })) } : {}),
    ...(tr ? { trend: tr.grain, series: tr.points.map((p, i) => ({ from: formatDay(p.from), to: formatDay(p.to), value: major(tr.current[i]) })), previousSeries: tr.previous.map((p, i) => ({ from: formatDay(p.from), to: formatDay(p.to), value: major(tr.prevValues[i] ?? null) })) } : {}),
  };
  const summary = `${name} ${fmt(m.value)}${change ? ` ${arrow(change)}${change.text}` : ''}`;
  return { lang, blocks, data, summary };
}

export interface TrendValues {
  grain: Grain;
  points: Period[];
  previous: Period[];
  current: (number | null)[];
  prevValues: (number | null)[];
}
