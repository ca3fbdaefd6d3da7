import { z } from 'zod';
import { alertKey } from '../../domain/alerts/alert.ts';
import { formatDay } from '../../domain/calendar.ts';
import { holds } from '../../domain/roles.ts';
import { channelName } from '../shared/channels.ts';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { text, type Block } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { alertData, alertTitle } from './alert-reply.ts';
import { openAlertState } from './alert-state.ts';
import { alertsNow } from './current-alerts.ts';

// `alerts` / `预警`: today's alerts; `alerts on` / `预警 开启` subscribes this conversation
// (ops managers), `alerts off` / `预警 关闭` stops it.

const example = { zh: '预警 开启', en: 'alerts on' };

export const alertsCommand = defineCommand({
  id: 'alerts',
  phrases: { zh: ['预警', '告警', '报警'], en: ['alerts', 'alert list'] },
  summary: { zh: '经营预警（ROI、退款率、转化率、异常波动、KPI、库存）', en: 'Store alerts (ROI, refund rate, conversion, anomalies, KPI, stock)' },
  examples: { zh: ['预警', '预警 开启', '预警 关闭'], en: ['alerts', 'alerts on', 'alerts off'] },
  role: 'staff',
  args: z.object({ verb: z.enum(['list', 'on', 'off']) }),
  parse(rest) {
    const w = rest.trim().toLowerCase();
    if (w === '' || w === 'list' || w === 'today' || w === '今天' || w === '列表') return { verb: 'list' };
    if (['on', '开启', '开', '订阅', 'subscribe'].includes(w)) return { verb: 'on' };
    if (['off', '关闭', '关', '停止', 'unsubscribe'].includes(w)) return { verb: 'off' };
    throw problem('alerts_usage', `没看懂「${rest.trim()}」。`, `I didn't understand "${rest.trim()}".`, example);
  },
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const { services, incoming } = ctx;
    if (a.verb !== 'list') {
      if (!holds(ctx.roles, 'ops_manager')) throw problem('forbidden', '订阅或关闭预警需要「运营经理」角色（ops_manager）。', 'Turning alerts on or off needs the ops manager role (ops_manager).');
      const state = await openAlertState(services.docs);
      const conv = incoming.conversation;
      if (a.verb === 'off') {
        const had = !!state.data.subs[conv];
        delete state.data.subs[conv];
        await state.write();
        if (had) await services.audit.record({ kind: 'alerts.off', user: incoming.user, conversation: conv, summary: 'alerts turned off' });
        return { lang: ctx.lang, blocks: [text(had ? t('已关闭本会话的预警。', 'Alerts for this conversation are off.') : t('本会话没有订阅预警。', 'This conversation has no alerts.'))], data: { on: false, changed: had } };
      }
      state.data.subs[conv] = { conversation: conv, ...(incoming.thread ? { thread: incoming.thread } : {}), lang: ctx.lang, since: services.clock.now().toISOString(), by: incoming.user };
      await state.write();
      await services.audit.record({ kind: 'alerts.on', user: incoming.user, conversation: conv, summary: 'alerts turned on' });
      return {
        lang: ctx.lang,
        blocks: [text(t('好的，预警会发到这里：ROI 低于 1.5、退款率高于 5%、转化率连续 3 天低于基线、异常波动、KPI 落后、SKU 跌破预警/安全库存或缺货。每条规则每个渠道（库存：每个 SKU 每个级别）每天最多一次，22:00–08:00 不打扰。', "Done: alerts come here — ROI below 1.5, refund rate above 5 %, conversion below its baseline 3 days running, unusual moves, KPIs behind pace, SKUs falling below their warning or safety stock or running out. At most one per rule, channel and day (for stock: per SKU and level); nothing between 22:00 and 08:00."))],
        data: { on: true, conversation: conv },
      };
    }
    const now = services.clock.now().getTime();
    const alerts = await alertsNow(services, now);
    const state = await openAlertState(services.docs);
    const blocks: Block[] = [{ type: 'text', text: t(`今日预警 · ${formatDay(services.calendar.dayOf(now))}`, `Today's alerts · ${formatDay(services.calendar.dayOf(now))}`), tone: 'heading' }];
    if (alerts.length === 0) blocks.push(text(t('没有预警。', 'No alerts.')));
    else
      blocks.push({
        type: 'table',
        columns: [{ title: t('规则', 'rule'), align: 'left' }, { title: t('渠道', 'channel'), align: 'left' }, { title: t('级别', 'severity'), align: 'left' }, { title: t('状态', 'status'), align: 'left' }],
        rows: alerts.map((x) => [alertTitle(x, ctx.lang), x.channel ? channelName(x.channel, ctx.lang) : t('全店', 'store'), x.severity === 'critical' ? t('严重', 'critical') : t('警告', 'warning'), state.data.acks[alertKey(x)] ? t('已确认', 'acknowledged') : t('未确认', 'open')]),
      });
    return {
      lang: ctx.lang,
      blocks,
      data: { alerts: alerts.map(alertData) },
    };
  },
});
