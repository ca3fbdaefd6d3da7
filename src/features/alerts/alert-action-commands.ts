import { z } from 'zod';
import { ALERT_KEY_PATTERN, alertKey, parseAlertKey, type Alert } from '../../domain/alerts/alert.ts';
import type { Metric } from '../../domain/metrics/metric.ts';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import type { Services } from '../../bot/services.ts';
import { defineCommand } from '../../bot/spec.ts';
import { alertReply, explainAlert } from './alert-reply.ts';
import { muteKey, openAlertState } from './alert-state.ts';
import { dayAlerts, kpiAlertsNow, stockAlertsBetween } from './current-alerts.ts';

// The buttons on an alert card (also typed: `alert ack <key>`): acknowledge it (who and when
// show on the card), mute its rule and channel here for N days, or show the full breakdown.

async function findAlert(services: Services, key: string): Promise<Alert> {
  const { day, rule } = parseAlertKey(key);
  const now = services.clock.now().getTime();
  const pool =
    rule === 'stock_level'
      ? await stockAlertsBetween(services, day, day, now)
      : [...dayAlerts(services, day, now), ...(day === services.calendar.dayOf(now) ? await kpiAlertsNow(services, now) : [])];
  const a = pool.find((x) => alertKey(x) === key);
  if (!a) throw problem('alert_gone', '这条预警已不成立（数据已更新），无需处理。', 'That alert no longer holds (the data changed); nothing to do.');
  return a;
}

const keyArg = z.object({ key: z.string().regex(ALERT_KEY_PATTERN, 'an alert reference from a card') });

export const alertAckCommand = defineCommand({
  id: 'alert_ack',
  phrases: { zh: ['确认预警'], en: ['alert_ack', 'alert ack', 'ack alert'] },
  summary: { zh: '确认一条预警', en: 'Acknowledge an alert' },
  examples: { zh: ['确认预警 roi_low:roi:douyin:20780'], en: ['alert ack roi_low:roi:douyin:20780'] },
  role: 'staff',
  hidden: true,
  args: keyArg,
  parse: (rest) => ({ key: rest.trim() }),
  async handle(ctx, a) {
    const { services, incoming } = ctx;
    const alert = await findAlert(services, a.key);
    const state = await openAlertState(services.docs);
    const ack = (state.data.acks[a.key] ??= { by: incoming.user, at: services.clock.now().toISOString() });
    await state.write();
    await services.audit.record({ kind: 'alert.ack', user: incoming.user, conversation: incoming.conversation, summary: `alert ${a.key} acknowledged`, data: { key: a.key } });
    return { ...alertReply(alert, services, ctx.lang, ack), replaceOriginal: true };
  },
});

export const alertMuteCommand = defineCommand({
  id: 'alert_mute',
  phrases: { zh: ['静音预警'], en: ['alert_mute', 'alert mute', 'mute alert'] },
  summary: { zh: '静音一条预警规则 N 天', en: 'Mute an alert rule for N days' },
  examples: { zh: ['静音预警 roi_low:roi:douyin:20780 7'], en: ['alert mute roi_low:roi:douyin:20780 7'] },
  role: 'ops_manager',
  hidden: true,
  args: keyArg.extend({ days: z.number().int().min(1, 'from 1 to 90 days').max(90, 'from 1 to 90 days') }),
  parse(rest) {
    const [key = '', days = '7'] = rest.trim().split(/\s+/);
    return { key, days: Number(days.replace(/天|d$/i, '')) };
  },
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const { services, incoming } = ctx;
    const [rule, , channel] = a.key.split(':');
    const until = new Date(services.clock.now().getTime() + a.days * 86_400_000).toISOString();
    const state = await openAlertState(services.docs);
    state.data.mutes[muteKey(incoming.conversation, rule, channel === '*' ? undefined : channel)] = until;
    await state.write();
    await services.audit.record({ kind: 'alert.mute', user: incoming.user, conversation: incoming.conversation, summary: `alert rule ${rule} (${channel}) muted for ${a.days} days`, data: { key: a.key, until } });
    const when = services.calendar.formatTime(Date.parse(until));
    const where = rule === 'stock_level' ? t('所有 SKU', 'every SKU') : channel === '*' ? t('全店', 'store') : channel;
    return { lang: ctx.lang, blocks: [{ type: 'text', text: t(`已静音：这里在 ${when} 前不再发这条规则（${where}）的预警。`, `Muted: no alerts of this rule (${where}) here until ${when}.`) }], data: { muted: a.key, until } };
  },
});

export const alertWhyCommand = defineCommand({
  id: 'alert_why',
  phrases: { zh: ['预警原因'], en: ['alert_why', 'alert why'] },
  summary: { zh: '预警的完整拆解', en: "An alert's full breakdown" },
  examples: { zh: ['预警原因 refund_rate_high:refund_rate:jd:20780'], en: ['alert why refund_rate_high:refund_rate:jd:20780'] },
  role: 'staff',
  hidden: true,
  args: keyArg,
  parse: (rest) => ({ key: rest.trim() }),
  async handle(ctx, a) {
    const { services } = ctx;
    const alert = await findAlert(services, a.key);
    if (alert.sku !== undefined) throw problem('alert_why_stock', `库存预警看 SKU 本身：发送「库存 ${alert.sku}」。`, `A stock alert is explained by its SKU: send "stock ${alert.sku}".`, { zh: `库存 ${alert.sku}`, en: `stock ${alert.sku}` });
    const metric = (alert.rule === 'roi_low' || alert.rule === 'kpi_pacing' ? (alert.metric === 'roi' ? 'roi' : 'gmv') : alert.metric) as Metric;
    const why = explainAlert(alert, metric, services, ctx.lang);
    if (!why) throw problem('why_no_data', '没有足够数据拆解这条预警。', 'There is not enough data to break this alert down.');
    return why.reply;
  },
});

export const alertCommands = [alertAckCommand, alertMuteCommand, alertWhyCommand];
