import { toMajor } from '../../domain/money.ts';
import type { Pace } from '../../domain/targets/pacing.ts';
import type { TargetMetric } from '../../domain/targets/target.ts';
import { channelName } from '../shared/channels.ts';
import { formatMoney } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Reply } from '../../chat/reply.ts';
import { pacingChart } from './kpi-chart.ts';

const NAMES: Record<TargetMetric, [string, string]> = { gmv: ['GMV', 'GMV'], orders: ['订单数', 'Orders'], buyers: ['买家数', 'Buyers'], new_buyers: ['新客数', 'New customers'] };
export const targetMetricName = (m: TargetMetric, lang: Lang) => NAMES[m][lang === 'zh' ? 0 : 1];

export const LIGHT_ICON = { red: '🔴', yellow: '🟡', green: '🟢' } as const;

/** One KPI as a line: "GMV · Douyin 🔴 75% of pace — ¥600,000 of ¥800,000 expected by now". */
export function paceLine(p: Pace, lang: Lang, currency: string): string {
  const t = say(lang);
  const fig = (v: number) => (p.target.metric === 'gmv' ? formatMoney(Math.round(v), currency, lang) : Math.round(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'));
  const who = `${targetMetricName(p.target.metric, lang)}${p.target.channel ? ` · ${channelName(p.target.channel, lang)}` : ''}`;
  const pct = p.completion === null ? '—' : `${Math.round(p.completion * 100)}%`;
  return t(`${who} ${LIGHT_ICON[p.light]} 完成进度的 ${pct}：实际 ${fig(p.actual)}，按进度应达 ${fig(p.expected)}，目标 ${fig(p.target.target)}`, `${who} ${LIGHT_ICON[p.light]} ${pct} of pace: ${fig(p.actual)} against ${fig(p.expected)} expected by now, target ${fig(p.target.target)}`);
}

export function kpiReply(month: string, paces: Pace[], lang: Lang, currency: string, lines: { kpiRed: number; kpiYellow: number }): Reply {
  const t = say(lang);
  const fig = (p: Pace, v: number | null) => (v === null ? '—' : p.target.metric === 'gmv' ? formatMoney(Math.round(v), currency, lang) : Math.round(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'));
  const rows = paces.map((p) => [
    targetMetricName(p.target.metric, lang),
    p.target.channel ? channelName(p.target.channel, lang) : t('全店', 'store'),
    fig(p, p.target.target),
    fig(p, p.actual),
    fig(p, p.expected),
    fig(p, p.forecast),
    `${LIGHT_ICON[p.light]} ${p.completion === null ? '—' : `${Math.round(p.completion * 100)}%`}`,
  ]);
  const worst = [...paces].sort((a, b) => (a.completion ?? 1) - (b.completion ?? 1))[0];
  const major = (p: Pace, v: number | null) => (v === null ? null : p.target.metric === 'gmv' ? toMajor(Math.round(v), currency) : Math.round(v));
  return {
    lang,
    blocks: [
      { type: 'text', text: t(`KPI 目标完成 · ${month}`, `KPI targets · ${month}`), tone: 'heading' },
      ...(worst && worst.light !== 'green' ? [{ type: 'text' as const, text: paceLine(worst, lang, currency), tone: 'warning' as const }] : []),
      {
        type: 'table',
        columns: [
          { title: t('指标', 'metric'), align: 'left' },
          { title: t('渠道', 'channel'), align: 'left' },
          { title: t('目标', 'target'), align: 'right' },
          { title: t('实际', 'actual'), align: 'right' },
          { title: t('应达', 'expected'), align: 'right' },
          { title: t('月末预测', 'forecast'), align: 'right' },
          { title: t('进度', 'pace'), align: 'left' },
        ],
        rows,
      },
      pacingChart(month, paces, lang, currency, (p) => targetMetricName(p.target.metric, lang)),
      {
        type: 'context',
        text: t(
          `应达 = 目标按${paces.some((p) => p.shape === 'last_year') ? '去年同月每日占比' : '天数'}分摊到此刻；低于 ${Math.round(lines.kpiRed * 100)}% 红灯，低于 ${Math.round(lines.kpiYellow * 100)}% 黄灯。`,
          `Expected = the target spread ${paces.some((p) => p.shape === 'last_year') ? "by last year's daily shape for the month" : 'evenly by day'} up to now; below ${Math.round(lines.kpiRed * 100)}% red, below ${Math.round(lines.kpiYellow * 100)}% yellow.`,
        ),
      },
    ],
    summary: paces.map((p) => paceLine(p, lang, currency)).join('\n'),
    data: { month, targets: paces.map((p) => ({ metric: p.target.metric, channel: p.target.channel ?? null, target: major(p, p.target.target), actual: major(p, p.actual), expected: major(p, p.expected), forecast: major(p, p.forecast), light: p.light })) },
  };
}
