import { hhmmSchema } from '../../domain/time-of-day.ts';
import { z } from 'zod';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { openBriefs } from './brief-subscriptions.ts';

// `brief on 09:00` / `日报 开启 09:00` subscribes this conversation to a daily brief of
// yesterday's key figures at that store-local time; `brief off` / `日报 关闭` stops it.

const example = { zh: '日报 开启 09:00', en: 'brief on 09:00' };

export const briefCommand = defineCommand({
  id: 'brief',
  phrases: { zh: ['日报', '每日简报'], en: ['brief', 'daily brief'] },
  summary: { zh: '每日简报', en: 'Daily brief' },
  examples: { zh: ['日报 开启 09:00', '日报 关闭'], en: ['brief on 09:00', 'brief off'] },
  role: 'ops_manager',
  args: z.discriminatedUnion('on', [z.object({ on: z.literal(true), time: hhmmSchema('09:00') }), z.object({ on: z.literal(false) })]),
  parse(rest) {
    const words = rest.toLowerCase().split(/\s+/).filter(Boolean);
    const verb = words[0];
    if (verb === 'off' || verb === '关闭' || verb === '关' || verb === '停止') return { on: false };
    if (verb === 'on' || verb === '开启' || verb === '开' || verb === '订阅' || /^\d/.test(verb ?? '')) {
      const raw = (/^\d/.test(verb) ? verb : words[1]) ?? '09:00';
      const m = /^(\d{1,2})(?:[:：](\d{2}))?$/.exec(raw.replace('点', ''));
      return { on: true, time: m ? `${m[1].padStart(2, '0')}:${m[2] ?? '00'}` : raw };
    }
    throw problem('brief_usage', '请写「日报 开启 09:00」或「日报 关闭」。', 'Write "brief on 09:00" or "brief off".', example);
  },
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const doc = await openBriefs(ctx.services.docs);
    const conv = ctx.incoming.conversation;
    if (!a.on) {
      const had = !!doc.data.subs[conv];
      delete doc.data.subs[conv];
      await doc.write();
      if (had) await ctx.services.audit.record({ kind: 'brief.off', user: ctx.incoming.user, conversation: conv, summary: 'daily brief turned off' });
      return { lang: ctx.lang, blocks: [text(had ? t('已关闭本会话的每日简报。', 'The daily brief for this conversation is off.') : t('本会话没有订阅每日简报。', 'This conversation has no daily brief.'))], data: { on: false, changed: had } };
    }
    doc.data.subs[conv] = { conversation: conv, ...(ctx.incoming.thread ? { thread: ctx.incoming.thread } : {}), time: a.time, lang: ctx.lang, since: ctx.services.clock.now().toISOString(), by: ctx.incoming.user };
    await doc.write();
    await ctx.services.audit.record({ kind: 'brief.on', user: ctx.incoming.user, conversation: conv, summary: `daily brief at ${a.time}`, data: { time: a.time } });
    return {
      lang: ctx.lang,
      blocks: [text(t(`好的，每天 ${a.time}（${ctx.services.store.timeZone}）在这里发昨天的 GMV、订单数、客单价和退款率。`, `Done: every day at ${a.time} (${ctx.services.store.timeZone}) I'll post yesterday's GMV, orders, AOV and refund rate here.`)), { type: 'context', text: t('停机错过的会补发并注明迟到多久。发送「日报 关闭」停止。', 'Slots missed while I was down are sent late, marked as such. Send "brief off" to stop.') }],
      data: { on: true, time: a.time, conversation: conv },
    };
  },
});
