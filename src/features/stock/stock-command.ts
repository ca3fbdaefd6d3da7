import { z } from 'zod';
import { levelRank, stockStatus, unitsSold, type StockStatus } from '../../domain/stock/stock.ts';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import type { Block } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { coverText, levelName, stockTable, trendChart } from './stock-view.ts';

// `stock` / `库存`: SKUs at each of the three levels with days of cover from the last 14
// days' sales; `stock SK-1` one SKU with its trend; `stock x3 7d` / `库存 3倍 7天` what a
// promotion of three times the usual sales for 7 days would need.

const SHOWN = 20;
const example = { zh: '库存 3倍 7天', en: 'stock x3 7d' };

export const stockCommand = defineCommand({
  id: 'stock',
  phrases: { zh: ['库存'], en: ['stock', 'inventory'] },
  summary: { zh: '库存与预警', en: 'Stock and its warning levels' },
  examples: { zh: ['库存', '库存 SK-1', '库存 3倍 7天'], en: ['stock', 'stock SK-1', 'stock x3 7d'] },
  role: 'staff',
  args: z.object({ sku: z.string().max(120).optional(), multiplier: z.number().min(0.1).max(100).optional(), days: z.number().int().min(1).max(60).optional() }),
  parse(rest) {
    const out: { sku?: string; multiplier?: number; days?: number } = {};
    for (const w of rest.split(/\s+/).filter(Boolean)) {
      const mult = /^(?:x|×|\*)(\d+(?:\.\d+)?)$|^(\d+(?:\.\d+)?)(?:x|×|倍)$/i.exec(w);
      const days = /^(\d+)\s*(?:d|days?|天)$/i.exec(w);
      if (mult) out.multiplier = Number(mult[1] ?? mult[2]);
      else if (days) out.days = Number(days[1]);
      else if (/^(大促|促销|promo|promotion)$/i.test(w)) out.multiplier ??= 3;
      else if (!out.sku) out.sku = w;
      else throw problem('stock_usage', `看不懂「${w}」。`, `I don't understand "${w}".`, example);
    }
    return out;
  },
  async handle(ctx, a) {
    const { services, lang } = ctx;
    const t = say(lang);
    const book = await services.books.stock();
    const lastDay = services.calendar.dayOf(services.clock.now().getTime()) - 1;
    const sold = unitsSold(services.data, lastDay);
    const all = book.items.map((i) => stockStatus(i, sold.get(i.sku)));
    if (all.length === 0) {
      return { lang, blocks: [{ type: 'text', text: t('还没有库存数据。导入：store-ops-bot import stock FILE（列 sku,on_hand，可选 safety,warning,warehouse），或接入 /ingest/stock、Shopify 库存 webhook。', 'No stock data yet. Import it with: store-ops-bot import stock FILE (columns sku,on_hand, optional safety,warning,warehouse), or send it to /ingest/stock or Shopify inventory webhooks.'), tone: 'muted' }], data: { items: 0 } };
    }
    const promo = a.multiplier !== undefined || a.days !== undefined ? { multiplier: a.multiplier ?? 3, days: a.days ?? 3 } : undefined;
    if (a.sku) {
      const s = all.find((x) => x.sku.toLowerCase() === a.sku!.toLowerCase());
      if (!s) throw problem('stock_unknown_sku', `没有 SKU「${a.sku}」的库存记录。`, `No stock record for SKU "${a.sku}".`, { zh: '库存', en: 'stock' });
      return { lang, blocks: [{ type: 'text', text: `${s.sku} · ${levelName(s.level, lang)}`, tone: s.level === 'ok' ? 'heading' : 'warning' }, { type: 'figures', items: [{ label: t('库存', 'On hand'), value: String(s.onHand) }, { label: t('可售天数', 'Cover'), value: coverText(s, lang) }] }, stockTable([s], lang, promo), trendChart(s, lastDay, lang), context(lang)], data: { sku: s } };
    }
    const counts = { out: 0, safety: 0, warning: 0, ok: 0 };
    for (const s of all) counts[s.level]++;
    const watch = (promo ? all : all.filter((s) => s.level !== 'ok')).sort(byUrgency);
    const blocks: Block[] = [
      { type: 'text', text: t('库存 · 三级预警', 'Stock · three warning levels'), tone: 'heading' },
      { type: 'figures', items: (['out', 'safety', 'warning', 'ok'] as const).map((l) => ({ label: levelName(l, lang), value: String(counts[l]) })) },
    ];
    if (watch.length > 0) blocks.push(stockTable(watch.slice(0, SHOWN), lang, promo));
    else blocks.push({ type: 'text', text: t('所有 SKU 都高于预警库存。', 'Every SKU is above its warning stock.'), tone: 'muted' });
    if (watch.length > SHOWN) blocks.push({ type: 'text', text: t(`……另有 ${watch.length - SHOWN} 个`, `… and ${watch.length - SHOWN} more`), tone: 'muted' });
    if (promo) {
      const short = all.filter((s) => s.onHand < Math.ceil(s.rate * promo.multiplier * promo.days)).length;
      blocks.push({ type: 'text', text: t(`按平时销量的 ${promo.multiplier} 倍卖 ${promo.days} 天：${short} 个 SKU 不够。`, `At ${promo.multiplier}× usual sales for ${promo.days} days: ${short} SKU${short === 1 ? '' : 's'} would run short.`) });
    }
    blocks.push(context(lang));
    return { lang, blocks, data: { counts, rows: watch.slice(0, SHOWN) } };
  },
});

const byUrgency = (x: StockStatus, y: StockStatus) => levelRank(y.level) - levelRank(x.level) || (x.cover ?? Infinity) - (y.cover ?? Infinity);
const context = (lang: 'zh' | 'en'): Block => ({ type: 'context', text: say(lang)('可售天数按近14天日均销量；未设安全/预警库存的 SKU 按 7/14 天销量计。「库存预警 开启」订阅预警。', 'Cover from the last 14 days\' average daily units; SKUs without their own levels use 7/14 days of sales. "stock alerts on" subscribes this room to alerts.') });
