import { formatDay } from '../../domain/calendar.ts';
import type { Unit } from '../../domain/metrics/metric.ts';
import { currencyExponent, toMajor } from '../../domain/money.ts';
import type { Period } from '../../domain/periods.ts';
import type { Lang } from '../../chat/lang.ts';
import type { Change } from '../../chat/reply.ts';

// Numbers as people in each language read them. Money arrives in minor units.

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, lang: Lang): string {
  const key = `${currency}:${lang}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: currencyExponent(currency), maximumFractionDigits: currencyExponent(currency) });
    moneyFormats.set(key, f);
  }
  return f.format(toMajor(minor, currency));
}

export function formatValue(value: number | null, unit: Unit, currency: string, lang: Lang): string {
  if (value === null) return '—';
  switch (unit) {
    case 'money':
      return formatMoney(value, currency, lang);
    case 'ratio':
      return `${(value * 100).toFixed(2)}%`;
    case 'multiple':
      return value.toFixed(2);
    case 'count':
      return Math.round(value).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  }
}

/** ▲/▼ against the previous period: percent for amounts, percentage points for ratios. */
export function formatChange(value: number | null, previous: number | null, unit: Unit, currency: string, lang: Lang): Change | undefined {
  if (value === null || previous === null) return undefined;
  const prevText = formatValue(previous, unit, currency, lang);
  const diff = value - previous;
  if (unit === 'ratio') {
    const hundredths = Math.round(diff * 10_000);
    const direction = hundredths === 0 ? 'flat' : hundredths > 0 ? 'up' : 'down';
    return { direction, text: `${hundredths >= 0 ? '+' : '-'}${(Math.abs(hundredths) / 100).toFixed(2)}${lang === 'zh' ? '个百分点' : 'pp'}`, previous: prevText };
  }
  if (previous === 0) {
    return { direction: value > 0 ? 'up' : 'flat', text: value > 0 ? (lang === 'zh' ? '新增' : 'new') : '0.0%', previous: prevText };
  }
  // Round on the exact integer ratio, not on a float that prints 253.45 as 253.4.
  const tenths = Math.round((diff * 1000) / Math.abs(previous));
  const direction = tenths === 0 ? 'flat' : tenths > 0 ? 'up' : 'down';
  return { direction, text: `${tenths >= 0 ? '+' : '-'}${(Math.abs(tenths) / 10).toFixed(1)}%`, previous: prevText };
}

export const arrow = (c: Change | undefined) => (!c ? '' : c.direction === 'up' ? '▲' : c.direction === 'down' ? '▼' : '＝');

export function periodLabel(p: Period, lang: Lang, formatClock?: (ms: number) => string): string {
  const zh = lang === 'zh';
  const named: Record<string, [string, string]> = {
    today: ['今天', 'today'],
    yesterday: ['昨天', 'yesterday'],
    this_week: ['本周', 'this week'],
    last_week: ['上周', 'last week'],
    this_month: ['本月', 'this month'],
    last_month: ['上月', 'last month'],
  };
  const name = p.kind === 'last_days' ? (zh ? `近${p.n}天` : `last ${p.n} day${p.n === 1 ? '' : 's'}`) : (named[p.kind]?.[zh ? 0 : 1] ?? '');
  return `${name ? `${name} ` : ''}${dateSpan(p, lang, formatClock)}`.trim();
}

/** `2026-11-27` or `2026-11-01 – 2026-11-27`, with "to 10:30" when the last day is cut. */
export function dateSpan(p: Period, lang: Lang, formatClock?: (ms: number) => string): string {
  const span = p.from === p.to ? formatDay(p.from) : `${formatDay(p.from)} – ${formatDay(p.to)}`;
  if (p.cutoffMs === undefined || !formatClock) return span;
  const clock = formatClock(p.cutoffMs);
  return lang === 'zh' ? `${span}（截至 ${clock}）` : `${span} (to ${clock})`;
}

export const clockOfDay = (ms: number) => {
  const m = Math.floor(ms / 60000);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
