import { z } from 'zod';
import type { DocStore } from '../../domain/ports.ts';
import { StockBook, type StockAlert } from '../../domain/stock/stock-book.ts';
import { stockStatus, unitsSold } from '../../domain/stock/stock.ts';
import { problem } from '../errors.ts';
import { say, type Lang } from '../lang.ts';
import type { Notice, NoticeSource } from '../notices.ts';
import type { Reply } from '../reply.ts';
import type { Services } from '../services.ts';
import { defineCommand } from '../spec.ts';
import { coverText, levelName, trendChart } from './stock-view.ts';

// `stock alerts on` / `库存预警 开启` subscribes a room: each time a SKU falls to a worse level
// (warning → safety → out) the room gets one notice with the SKU's sales trend. Alerts are
// stored by the stock book; this source turns them into notices keyed to go out once.

interface StockSub {
  conversation: string;
  thread?: string;
  lang: Lang;
  since: number;
  by: string;
}

const openSubs = (docs: DocStore) => docs.open<{ subs: Record<string, StockSub> }>('stock/subscriptions', { subs: {} });
export const stockAlertKey = (conversation: string, a: StockAlert) => `stock:${conversation}:${a.sku}:${a.level}:${a.n}`;

export const stockAlertsCommand = defineCommand({
  id: 'stock-alerts',
  phrases: { zh: ['库存预警'], en: ['stock alerts', 'stock alert'] },
  summary: { zh: '订阅库存预警', en: 'Stock alerts in this room' },
  examples: { zh: ['库存预警 开启', '库存预警 关闭'], en: ['stock alerts on', 'stock alerts off'] },
  role: 'staff',
  args: z.object({ on: z.boolean() }),
  parse(rest) {
    const w = rest.trim().toLowerCase();
    if (['on', '开启', '开', '订阅', ''].includes(w)) return { on: true };
    if (['off', '关闭', '关', '停止'].includes(w)) return { on: false };
    throw problem('stock_alerts_usage', '请写「库存预警 开启」或「库存预警 关闭」。', 'Write "stock alerts on" or "stock alerts off".', { zh: '库存预警 开启', en: 'stock alerts on' });
  },
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const doc = await openSubs(ctx.services.docs);
    const conv = ctx.incoming.conversation;
    if (a.on) doc.data.subs[conv] = { conversation: conv, ...(ctx.incoming.thread ? { thread: ctx.incoming.thread } : {}), lang: ctx.lang, since: ctx.services.clock.now().getTime(), by: ctx.incoming.user };
    else delete doc.data.subs[conv];
    await doc.write();
    return {
      lang: ctx.lang,
      blocks: [{ type: 'text', text: a.on ? t('好的，SKU 跌破预警库存、安全库存或缺货时，会在这里提醒一次，附近14天销量走势。', 'Done: when a SKU falls below its warning stock, its safety stock or runs out, I\'ll say so here once, with its 14-day sales trend.') : t('已关闭本会话的库存预警。', 'Stock alerts for this room are off.') }],
      data: { on: a.on, conversation: conv },
    };
  },
});

export const stockAlertSource: NoticeSource = {
  id: 'stock-alerts',
  async collect(now, services) {
    const subs = Object.values((await openSubs(services.docs)).data.subs);
    if (subs.length === 0) return [];
    const book = await StockBook.open(services.docs);
    const out: Notice[] = [];
    for (const alert of book.doc.data.alerts) {
      for (const sub of subs) {
        if (alert.at < sub.since || alert.at > now.getTime()) continue;
        const key = stockAlertKey(sub.conversation, alert);
        if (services.outboxStore.byKey(key)) continue;
        out.push({ key, kind: 'stock.alert', target: { conversation: sub.conversation, ...(sub.thread ? { thread: sub.thread } : {}) }, reply: alertReply(services, book, alert, sub.lang), dueAt: new Date(alert.at) });
      }
    }
    return out;
  },
};

function alertReply(services: Services, book: StockBook, a: StockAlert, lang: Lang): Reply {
  const t = say(lang);
  const lastDay = services.calendar.dayOf(a.at) - 1;
  const item = book.doc.data.items[a.sku];
  const s = stockStatus(item ?? { sku: a.sku, warehouses: { '': a.onHand }, updatedAt: a.at }, unitsSold(services.data, lastDay).get(a.sku));
  const recent = s.trend.slice(-7).reduce((x, y) => x + y, 0);
  const before = s.trend.slice(0, 7).reduce((x, y) => x + y, 0);
  const trend = before === 0 ? '' : t(`，近7天销量较前7天 ${recent >= before ? '+' : ''}${Math.round(((recent - before) / before) * 100)}%`, `; last 7 days' units ${recent >= before ? '+' : ''}${Math.round(((recent - before) / before) * 100)}% vs the 7 before`);
  return {
    lang,
    blocks: [
      { type: 'text', text: t(`⚠️ 库存预警 · ${a.sku} ${levelName(a.level, lang)}`, `⚠️ Stock alert · ${a.sku} ${levelName(a.level, lang)}`), tone: 'warning' },
      { type: 'figures', items: [{ label: t('库存', 'On hand'), value: String(a.onHand) }, { label: t('可售天数', 'Cover'), value: coverText(s, lang) }, { label: t('安全/预警', 'Safety/warning'), value: `${s.safety}/${s.warning}` }] },
      trendChart(s, lastDay, lang),
      { type: 'context', text: t(`日均销量 ${s.rate.toFixed(1)}${trend} · 发送「库存 ${a.sku}」查看`, `${s.rate.toFixed(1)} units/day${trend} · send "stock ${a.sku}" for more`) },
    ],
    summary: t(`${a.sku} ${levelName(a.level, lang)}，库存 ${a.onHand}`, `${a.sku} ${levelName(a.level, lang)}, ${a.onHand} on hand`),
    data: { alert: a },
  };
}
