import { z } from 'zod';
import { hhmmSchema } from '../../domain/time-of-day.ts';
import { holds } from '../../domain/roles.ts';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { weeklyReport } from './weekly-report.ts';
import { openWeekly } from './weekly-subscriptions.ts';

// `周报` / `weekly report`: last week's marketing report now; `周报 开启 09:30` / `weekly report on 9:30`
// posts it here every Monday (ops managers); `周报 关闭` / `weekly report off` stops it.

const example = { zh: '周报 开启 09:30', en: 'weekly report on 09:30' };

export const weeklyCommand = defineCommand({
  id: 'weekly',
  phrases: { zh: ['周报', '营销周报', '营销效果周报'], en: ['weekly report', 'weekly marketing report'] },
  summary: { zh: '营销效果周报（每周一）', en: 'Weekly marketing report (Mondays)' },
  examples: { zh: ['周报', '周报 开启 09:30', '周报 关闭'], en: ['weekly report', 'weekly report on 09:30', 'weekly report off'] },
  role: 'staff',
  args: z.discriminatedUnion('verb', [z.object({ verb: z.literal('show') }), z.object({ verb: z.literal('on'), time: hhmmSchema('09:30') }), z.object({ verb: z.literal('off') })]),
  parse(rest) {
    const words = rest.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const verb = words[0];
    if (!verb) return { verb: 'show' };
    if (['off', '关闭', '关', '停止'].includes(verb)) return { verb: 'off' };
    if (['on', '开启', '开', '订阅'].includes(verb)) {
      const m = /^(\d{1,2})(?:[:：](\d{2}))?$/.exec((words[1] ?? '09:30').replace('点', ''));
      return { verb: 'on', time: m ? `${m[1].padStart(2, '0')}:${m[2] ?? '00'}` : words[1] };
    }
    throw problem('weekly_usage', `没看懂「${rest.trim()}」。`, `I didn't understand "${rest.trim()}".`, example);
  },
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const { services, incoming } = ctx;
    if (a.verb === 'show') return weeklyReport(services, services.calendar.dayOf(services.clock.now().getTime()), ctx.lang);
    if (!holds(ctx.roles, 'ops_manager')) throw problem('forbidden', '订阅或关闭周报需要「运营经理」角色（ops_manager）。', 'Turning the weekly report on or off needs the ops manager role (ops_manager).');
    const doc = await openWeekly(services.docs);
    const conv = incoming.conversation;
    if (a.verb === 'off') {
      const had = !!doc.data.subs[conv];
      delete doc.data.subs[conv];
      await doc.write();
      return { lang: ctx.lang, blocks: [text(had ? t('已关闭本会话的营销周报。', 'The weekly report for this conversation is off.') : t('本会话没有订阅营销周报。', 'This conversation has no weekly report.'))], data: { on: false, changed: had } };
    }
    doc.data.subs[conv] = { conversation: conv, ...(incoming.thread ? { thread: incoming.thread } : {}), time: a.time, lang: ctx.lang, since: services.clock.now().toISOString(), by: incoming.user };
    await doc.write();
    await services.audit.record({ kind: 'weekly.on', user: incoming.user, conversation: conv, summary: `weekly report on Mondays at ${a.time}`, data: { time: a.time } });
    return { lang: ctx.lang, blocks: [text(t(`好的，每周一 ${a.time} 在这里发上周的营销效果周报。`, `Done: every Monday at ${a.time} I'll post last week's marketing report here.`))], data: { on: true, time: a.time } };
  },
});
