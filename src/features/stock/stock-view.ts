import { formatDay } from '../../domain/calendar.ts';
import { promotionNeed, type StockLevel, type StockStatus } from '../../domain/stock/stock.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Block, ChartBlock } from '../../chat/reply.ts';

// How stock is shown: level names, a SKU's line, and its sales trend as a chart.

export function levelName(l: StockLevel, lang: Lang): string {
  const t = say(lang);
  return { ok: t('正常', 'OK'), warning: t('低于预警库存', 'below warning stock'), safety: t('低于安全库存', 'below safety stock'), out: t('缺货', 'out of stock') }[l];
}

export const coverText = (s: StockStatus, lang: Lang) => (s.cover === null ? say(lang)('近14天无销售', 'no sales in 14 days') : say(lang)(`${s.cover.toFixed(1)} 天`, `${s.cover.toFixed(1)} days`));

export function trendChart(s: StockStatus, lastDay: number, lang: Lang): ChartBlock {
  const first = lastDay - s.trend.length + 1;
  return {
    type: 'chart',
    kind: 'line',
    title: say(lang)(`${s.sku} 近14天销量`, `${s.sku} units sold, last 14 days`),
    valueKind: 'count',
    points: s.trend.map((v, i) => ({ label: formatDay(first + i).slice(5), value: v, display: String(v) })),
  };
}

/** The table of SKUs with their level, cover and (for a promotion) what it would need. */
export function stockTable(rows: StockStatus[], lang: Lang, promo?: { multiplier: number; days: number }): Block {
  const t = say(lang);
  const columns = [
    { title: 'SKU', align: 'left' as const },
    { title: t('库存', 'On hand'), align: 'right' as const },
    { title: t('日均销量', 'Units/day'), align: 'right' as const },
    { title: t('可售天数', 'Cover'), align: 'right' as const },
    { title: t('安全/预警', 'Safety/warning'), align: 'right' as const },
    { title: t('状态', 'Level'), align: 'left' as const },
  ];
  if (promo) columns.push({ title: t('大促需要', 'Promo needs'), align: 'right' }, { title: t('缺口', 'Short'), align: 'right' });
  return {
    type: 'table',
    columns,
    rows: rows.map((s) => {
      const cells = [s.sku, String(s.onHand), s.rate.toFixed(1), coverText(s, lang), `${s.safety}/${s.warning}`, levelName(s.level, lang)];
      if (promo) {
        const n = promotionNeed(s, promo.multiplier, promo.days);
        cells.push(String(n.need), n.short > 0 ? String(n.short) : '—');
      }
      return cells;
    }),
  };
}
