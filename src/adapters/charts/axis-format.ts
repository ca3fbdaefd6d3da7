import type { ChartBlock } from '../../chat/reply.ts';
import type { Lang } from '../../chat/lang.ts';
import { toMajor } from '../../domain/money.ts';

// Axis ticks read like the text answers, only shorter: ¥1.2万 / ¥12K, 5.0%, 1,234.

const formats = new Map<string, Intl.NumberFormat>();
function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = formats.get(key);
  if (!f) formats.set(key, (f = make()));
  return f;
}

export function tickFormatter(block: ChartBlock, lang: Lang): (value: number) => string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const currency = block.currency ?? 'CNY';
  switch (block.valueKind) {
    case 'money': {
      const f = cached(`money:${currency}:${locale}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }));
      return (v) => f.format(toMajor(v, currency));
    }
    case 'percent': {
      const f = cached(`percent:${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }));
      return (v) => f.format(v);
    }
    default: {
      const f = cached(`count:${locale}`, () => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }));
      return (v) => f.format(v);
    }
  }
}

/** Every string a chart may draw, so the font subset can hold each of its characters. */
export function chartText(block: ChartBlock, extra: string[]): string {
  const parts = [block.title, ...extra, ...block.points.flatMap((p) => [p.label, p.display, p.change ?? ''])];
  if (block.compare) parts.push(block.compare.label, ...block.compare.points.flatMap((p) => [p.label, p.display]));
  for (const r of block.pacing ?? []) parts.push(r.label, r.display.actual, r.display.expected, r.display.target);
  return parts.join('');
}
