import { formatDay, type Day } from '../../domain/calendar.ts';
import { explainChange } from '../../domain/insights/drivers.ts';
import { measure } from '../../domain/metrics/measure.ts';
import type { Metric } from '../../domain/metrics/metric.ts';
import { resolvePeriod, type Period } from '../../domain/periods.ts';
import { channelName } from '../shared/channels.ts';
import { arrow, formatChange, formatMoney, formatValue } from '../shared/format.ts';
import { signed } from '../insights/why-reply.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { metricName } from '../metrics/metric-names.ts';
import type { Figure, Reply } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { budgetLine, campaignLine, complaintLine } from './weekly-sections.ts';
import { weeklyTrend } from './weekly-trend.ts';

// 营销效果周报: last week (Monday to Sunday) against the week before and the same week last
// year; channels, top SKUs, new versus returning buyers, coupons, complaints and budget pacing.
// One message, in lines a phone shows without scrolling sideways.

const METRICS: Metric[] = ['gmv', 'orders', 'aov', 'buyers', 'refund_rate'];

export async function weeklyReport(services: Services, today: Day, lang: Lang): Promise<Reply> {
  const t = say(lang);
  const { currency, name } = services.store;
  // The Monday-to-Sunday week before the one containing `today`, as `last week` questions read it.
  const week = resolvePeriod({ kind: 'last_week' }, services.calendar.startOf(today), services.calendar);
  const before: Period = { ...week, kind: 'range', from: week.from - 7, to: week.to - 7 };
  const lastYear: Period = { ...week, kind: 'range', from: week.from - 364, to: week.to - 364 }; // 52 weeks: the same weekdays
  const items: Figure[] = [];
  const yoy: string[] = [];
  for (const m of METRICS) {
    const now = measure(services.data, m, week);
    const prev = measure(services.data, m, before);
    const ly = measure(services.data, m, lastYear);
    const change = formatChange(now.value, prev.value, now.unit, currency, lang);
    items.push({ label: metricName(m, lang), value: formatValue(now.value, now.unit, currency, lang), ...(change ? { change } : {}) });
    const y = ly.value ? formatChange(now.value, ly.value, now.unit, currency, lang) : undefined;
    if (y) yoy.push(`${metricName(m, lang)} ${arrow(y)}${y.text}`);
  }
  const lines: string[] = [];
  lines.push(yoy.length ? t(`同比去年同周：${yoy.join('，')}`, `vs the same week last year: ${yoy.join(', ')}`) : t('去年同周没有数据。', 'No data for the same week last year.'));
  const e = explainChange(services.data, 'gmv', week, before);
  if (typeof e !== 'string') {
    const ch = e.channels.filter((d) => d.name !== 'several_channels').slice(0, 5);
    if (ch.length) lines.push(t(`渠道 GMV 变化：${ch.map((d) => `${channelName(d.name, lang)} ${signed(d.change, 'money', currency, lang)}`).join('，')}`, `GMV change by channel: ${ch.map((d) => `${channelName(d.name, lang)} ${signed(d.change, 'money', currency, lang)}`).join(', ')}`));
    const nv = e.buyers.filter((d) => d.name === 'new' || d.name === 'returning');
    if (nv.length) lines.push(t(`新老客 GMV 变化：${nv.map((d) => `${d.name === 'new' ? '新客' : '老客'} ${signed(d.change, 'money', currency, lang)}`).join('，')}`, `New vs returning GMV change: ${nv.map((d) => `${d.name === 'new' ? 'new' : 'returning'} ${signed(d.change, 'money', currency, lang)}`).join(', ')}`));
  }
  const top = measure(services.data, 'top_skus', week, 'sku', 3).rows ?? [];
  if (top.length) lines.push(t(`热销商品：${top.map((r) => `${r.key} ${formatMoney(r.value ?? 0, currency, lang)}`).join('，')}`, `Top SKUs: ${top.map((r) => `${r.key} ${formatMoney(r.value ?? 0, currency, lang)}`).join(', ')}`));
  for (const extra of [await campaignLine(services, lang), await complaintLine(services, week, lang), await budgetLine(services, lang)]) if (extra) lines.push(extra);
  const span = `${formatDay(week.from)} – ${formatDay(week.to)}`;
  return {
    lang,
    blocks: [
      { type: 'text', text: t(`📈 ${name} 营销效果周报 · ${span}`, `📈 ${name} weekly marketing report · ${span}`), tone: 'heading' },
      { type: 'figures', items },
      { type: 'text', text: lines.join('\n') },
      weeklyTrend(services, week, lang),
      { type: 'context', text: t('对比前一周 · 发送「周报 关闭」停止', 'vs the week before · send "weekly report off" to stop') },
    ],
    summary: t(`周报 ${span}：`, `Weekly report ${span}: `) + items.map((f) => `${f.label} ${f.value}`).join(t('；', '; ')),
    data: { week: { from: formatDay(week.from), to: formatDay(week.to) }, figures: Object.fromEntries(items.map((f, i) => [METRICS[i], f.value])) },
  };
}
