import { z } from 'zod';
import { alertKey, type Alert } from '../../domain/alerts/alert.ts';
import { stockLevelAlerts } from '../../domain/alerts/stock-alerts.ts';
import type { DocStore } from '../../domain/ports.ts';
import { quietUntil } from '../../domain/time-of-day.ts';
import { alertReply } from '../alerts/alert-reply.ts';
import { muteKey, openAlertState } from '../alerts/alert-state.ts';
import { chartsOn } from '../charts/chart-prefs.ts';
import { problem } from '../../bot/errors.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Notice, NoticeSource } from '../../bot/notices.ts';
import { defineCommand } from '../../bot/spec.ts';

// `stock alerts on` / `库存预警 开启` subscribes a room: each time a SKU falls to a worse level
// (warning → safety → out) the room gets one notice with the SKU's sales trend. Crossings are
// stored by the stock book; this source turns them into alerts of rule `stock_level` (cards with
// acknowledge / mute / stock detail) for the rooms subscribed to stock alerts and the rooms
// subscribed to all alerts (`alerts on`), one notice per room and crossing even when both apply.

interface StockSub {
  conversation: string;
  thread?: string;
  lang: Lang;
  since: number;
  by: string;
}

const openSubs = (docs: DocStore) => docs.open<{ subs: Record<string, StockSub> }>('stock/subscriptions', { subs: {} });
const CATCH_UP = 3;

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
    const stockSubs = (await openSubs(services.docs)).data.subs;
    const state = await openAlertState(services.docs);
    const alertSubs = state.data.subs;
    const rooms = new Set([...Object.keys(stockSubs), ...Object.keys(alertSubs)]);
    if (rooms.size === 0) return [];
    const book = await services.books.stock();
    const nowMs = now.getTime();
    const cal = services.calendar;
    const today = cal.dayOf(nowMs);
    const crossings = book.doc.data.alerts.filter((c) => c.at <= nowMs);
    const alerts = stockLevelAlerts(crossings, (ms) => cal.dayOf(ms));
    const rules = services.playbook.alerts;
    const quiet = quietUntil(nowMs, cal, rules.quietStart, rules.quietEnd);
    const out: Notice[] = [];
    for (const room of rooms) {
      const stock = stockSubs[room];
      const watch = alertSubs[room];
      const muted = state.data.mutes[muteKey(room, 'stock_level')];
      if (muted && Date.parse(muted) > nowMs) continue;
      const images = await chartsOn(services.docs, room);
      for (const a of alerts) {
        const c = a.stock!;
        const byStock = !!stock && c.at >= stock.since;
        // Like every alert: a subscription starts with yesterday's, and after downtime the last CATCH_UP days are sent.
        const byAlerts = !!watch && a.day >= cal.dayOf(Date.parse(watch.since)) - 1 && a.day >= today - CATCH_UP;
        if (!byStock && !byAlerts) continue;
        const key = `alert:${room}:${alertKey(a)}`;
        if (services.outboxStore.byKey(key) || services.outboxStore.byKey(legacyKey(room, a))) continue;
        const sub = byStock ? stock! : watch!;
        const reply = alertReply(a, services, sub.lang);
        if (!images) reply.chartImages = false;
        out.push({
          key,
          kind: 'stock.alert',
          target: { conversation: room, ...(sub.thread ? { thread: sub.thread } : {}) },
          reply,
          dueAt: new Date(c.at),
          // A room that asked for stock alerts gets them at once; one that has them only as alerts, after quiet hours.
          ...(!byStock && quiet ? { notBefore: new Date(quiet) } : {}),
        });
      }
    }
    return out;
  },
};

/** The key stock notices had before they were alerts, so a crossing sent then is not sent again. */
const legacyKey = (conversation: string, a: Alert) => `stock:${conversation}:${a.sku}:${a.stock!.level}:${a.stock!.n}`;
