import { formatDay } from '../../domain/calendar.ts';
import type { Measurement } from '../../domain/metrics/measure.ts';
import { toMajor } from '../../domain/money.ts';
import { channelName } from '../channels.ts';
import { arrow, clockOfDay, dateSpan, formatChange, formatValue, periodLabel } from '../format.ts';
import { say, type Lang } from '../lang.ts';
import type { Block, Reply, TableColumn } from '../reply.ts';
import { metricName } from './metric-names.ts';

/** Turns a measurement into a Reply: the figure with its change, a table and chart when broken down, and the JSON answer. */
export function metricReply(m: Measurement, lang: Lang, currency: string, timeZone: string): Reply {
  const t = say(lang);
  const name = metricName(m.metric, lang);
  const fmt = (v: number | null) => formatValue(v, m.unit, currency, lang);
  const change = formatChange(m.value, m.previous, m.unit, currency, lang);
  const blocks: Block[] = [{ type: 'text', text: `${name} · ${periodLabel(m.period, lang, clockOfDay)}`, tone: 'heading' }];
  const rowKey = (k: string) => (m.by === 'channel' ? channelName(k, lang) : k);

  if (m.metric !== 'top_skus') blocks.push({ type: 'figures', items: [{ label: name, value: fmt(m.value), ...(change ? { change } : {}) }] });
  if (m.rows && m.rows.length > 0) {
    const first = m.by === 'channel' ? t('渠道', 'Channel') : 'SKU';
    const columns: TableColumn[] = [{ title: first, align: 'left' }];
    if (m.by === 'sku') columns.push({ title: t('件数', 'Units'), align: 'right' });
    columns.push({ title: name === metricName('top_skus', lang) ? t('销售额', 'Sales') : name, align: 'right' }, { title: t('上期', 'Previous'), align: 'right' }, { title: t('变化', 'Change'), align: 'right' });
    const rows = m.rows.map((r) => {
      const c = formatChange(r.value, r.previous, m.unit, currency, lang);
      const cells = [rowKey(r.key)];
      if (m.by === 'sku') cells.push(String(r.qty ?? 0));
      cells.push(fmt(r.value), fmt(r.previous), c ? `${arrow(c)}${c.text}` : '—');
      return cells;
    });
    blocks.push({ type: 'table', columns, rows });
    const points = m.rows.filter((r) => r.value !== null).map((r) => {
      const c = formatChange(r.value, r.previous, m.unit, currency, lang);
      return { label: rowKey(r.key), value: r.value!, display: fmt(r.value), ...(c ? { change: `${arrow(c)}${c.text}` } : {}) };
    });
    // A picture helps past three rows; three or fewer read fine as the table.
    if (points.length > 3) blocks.push({ type: 'chart', kind: 'bar', title: `${name} · ${periodLabel(m.period, lang)}`, points, valueKind: m.unit === 'money' ? 'money' : m.unit === 'ratio' ? 'percent' : 'count', currency });
  } else if (m.metric === 'top_skus') {
    blocks.push({ type: 'text', text: t('这段时间没有商品销售记录。', 'No SKU sales in this period.'), tone: 'muted' });
  }
  if (m.value === null && !m.rows?.length) {
    const why = m.metric === 'conversion' || m.metric === 'uv' ? t('还没有导入访客数据（import traffic）。', 'No visitor data imported yet (import traffic).') : m.metric === 'roi' || m.metric === 'spend' ? t('还没有导入广告花费（import spend）。', 'No ad spend imported yet (import spend).') : t('这段时间没有已支付订单。', 'No paid orders in this period.');
    blocks.push({ type: 'text', text: why, tone: 'muted' });
  }
  blocks.push({ type: 'context', text: t(`对比 ${dateSpan(m.previousPeriod, lang, clockOfDay)} · 时区 ${timeZone}`, `vs ${dateSpan(m.previousPeriod, lang, clockOfDay)} · ${timeZone} time`) });

  const major = (v: number | null) => (v === null ? null : m.unit === 'money' ? toMajor(v, currency) : v);
  const data = {
    metric: m.metric,
    from: formatDay(m.period.from),
    to: formatDay(m.period.to),
    ...(m.period.cutoffMs !== undefined ? { until: clockOfDay(m.period.cutoffMs) } : {}),
    value: major(m.value),
    previous: major(m.previous),
    previousFrom: formatDay(m.previousPeriod.from),
    previousTo: formatDay(m.previousPeriod.to),
    unit: m.unit,
    currency,
    ...(m.rows ? { rows: m.rows.map((r) => ({ [m.by === 'sku' ? 'sku' : 'channel']: r.key, value: major(r.value), previous: major(r.previous), ...(r.qty !== undefined ? { qty: r.qty } : {}) })) } : {}),
  };
  const summary = `${name} ${fmt(m.value)}${change ? ` ${arrow(change)}${change.text}` : ''}`;
  return { lang, blocks, data, summary };
}
