import type { Pace } from '../../domain/targets/pacing.ts';
import { channelName } from '../shared/channels.ts';
import { toMajor } from '../../domain/money.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { ChartBlock, PacingRow } from '../../chat/reply.ts';

// The KPI picture: per target, what is done, where today's pace expects it and the target.
// Targets of one unit (all GMV, or all counts) are drawn on their own scale; a month mixing
// money and counts is drawn as shares of each target (100 % = target), since one axis cannot
// hold ¥3,000,000 and 20,000 orders. Labels are short (¥80万, ¥800K): the table beside the chart has the exact figures,
// and a long label would not fit inside a short bar.

/** `metricName` names a target's metric (kpi-reply's, passed in to keep the two files apart). */
export function pacingChart(month: string, paces: Pace[], lang: Lang, currency: string, metricName: (p: Pace) => string): ChartBlock {
  const t = say(lang);
  const money = (p: Pace) => p.target.metric === 'gmv';
  const mixed = paces.some(money) && !paces.every(money);
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const moneyShort = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const countShort = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const text = (p: Pace, v: number) => (money(p) ? moneyShort.format(toMajor(Math.round(v), currency)) : countShort.format(Math.round(v)));
  const scale = (p: Pace, v: number) => (mixed ? (p.target.target > 0 ? v / p.target.target : 0) : v);
  const pacing: PacingRow[] = paces.map((p) => ({
    label: `${metricName(p)} · ${p.target.channel ? channelName(p.target.channel, lang) : t('全店', 'store')}`,
    actual: scale(p, p.actual),
    expected: scale(p, p.expected),
    target: scale(p, p.target.target),
    display: { actual: text(p, p.actual), expected: text(p, p.expected), target: text(p, p.target.target) },
  }));
  return {
    type: 'chart',
    kind: 'pacing',
    title: mixed ? t(`${month} 目标进度（占目标 %）`, `KPI pacing · ${month} (share of target)`) : t(`${month} 目标进度`, `KPI pacing · ${month}`),
    valueKind: mixed ? 'percent' : paces.every(money) ? 'money' : 'count',
    ...(paces.every(money) ? { currency } : {}),
    points: pacing.map((r) => ({ label: r.label, value: r.actual, display: r.display.actual })),
    pacing,
  };
}
