import { z } from 'zod';
import { TARGET_METRICS } from '../../domain/targets/target.ts';
import { channelName } from '../shared/channels.ts';
import { formatMoney } from '../shared/format.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { TARGET_EXAMPLE, readTargets } from './target-words.ts';
import { targetMetricName } from './kpi-reply.ts';

const args = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  lines: z.array(z.object({ metric: z.enum(TARGET_METRICS), channel: z.string().optional(), target: z.number().int().positive().max(1e13, 'a target below 100,000,000,000') })).min(1),
});

/** `target set 2026-11 gmv 3000000 douyin 800000` / `设定目标 2026-11 GMV 3000000 抖音 800000` (ops managers). */
export const targetSetCommand = defineCommand({
  id: 'target_set',
  phrases: { zh: ['设定目标', '设置目标', '目标设定'], en: ['target set', 'set target', 'targets set', 'set targets'] },
  summary: { zh: '设定月度 KPI 目标', en: 'Set monthly KPI targets' },
  examples: { zh: [TARGET_EXAMPLE.zh, '设定目标 本月 订单 20000 新客 5000'], en: [TARGET_EXAMPLE.en, 'target set this month orders 20000 new customers 5000'] },
  role: 'ops_manager',
  args,
  parse: (rest, ctx) => readTargets(rest, ctx.services.calendar.dayOf(ctx.services.clock.now().getTime()), ctx.services.store.currency),
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const { services, incoming } = ctx;
    const book = await services.books.targets();
    const at = services.clock.now().toISOString();
    await book.set(a.lines.map((l) => ({ month: a.month, ...l, setBy: incoming.user, setAt: at })));
    const shown = a.lines.map((l) => `${targetMetricName(l.metric, ctx.lang)}${l.channel ? `·${channelName(l.channel, ctx.lang)}` : ''} ${l.metric === 'gmv' ? formatMoney(l.target, services.store.currency, ctx.lang) : l.target.toLocaleString(ctx.lang === 'zh' ? 'zh-CN' : 'en-US')}`);
    await services.audit.record({ kind: 'target.set', user: incoming.user, conversation: incoming.conversation, summary: `targets for ${a.month}: ${shown.join(', ')}`, data: a });
    return { lang: ctx.lang, blocks: [text(t(`已设定 ${a.month} 的目标：${shown.join('，')}。`, `Targets for ${a.month} set: ${shown.join(', ')}.`)), { type: 'context', text: t('发送「目标完成」查看进度。', 'Send "kpi" to see how they are going.') }], data: { month: a.month, targets: a.lines } };
  },
});
