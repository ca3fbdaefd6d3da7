import { z } from 'zod';
import { parseDay } from '../../domain/calendar.ts';
import { checkDay } from '../shared/date-input.ts';
import { eventName, findTemplate } from '../../domain/checklists/template.ts';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { defineCommand } from '../../bot/spec.ts';
import { checklistProblem } from './checklist-problems.ts';
import { checklistTitle, phaseBlocks } from './checklist-view.ts';
import { threadOf } from '../../bot/notices.ts';

const EXAMPLE = { zh: '启动清单 双11 2027-11-11', en: 'checklist start double11 2027-11-11' };

/** `checklist start double11 2027-11-11` / `启动清单 双11 2027-11-11`: lays out the plan in this conversation. */
export const checklistStartCommand = defineCommand({
  id: 'checklist.start',
  phrases: { zh: ['启动清单', '开始清单', '清单 启动'], en: ['checklist start', 'start checklist'] },
  summary: { zh: '启动大促清单', en: 'Start a promotion checklist' },
  examples: { zh: [EXAMPLE.zh], en: [EXAMPLE.en] },
  role: 'ops_manager',
  args: z.object({ template: z.string().min(1), date: z.string().min(1) }),
  parse(rest) {
    const [template = '', date = ''] = rest.split(/\s+/);
    return { template, date };
  },
  async handle(ctx, { template, date }) {
    const t = say(ctx.lang);
    const { services } = ctx;
    const tpl = findTemplate(services.templates.checklists, template);
    if (!tpl) {
      const known = services.templates.checklists.flatMap((x) => x.aliases.slice(0, 4)).join(', ');
      throw problem('unknown_template', `没有「${template}」这个清单模板。可用：${known}`, `There is no "${template}" checklist template. Known: ${known}`, EXAMPLE);
    }
    const eventDay = parseDay(date);
    if (eventDay === undefined) throw problem('bad_date', `「${date}」不是有效日期，请写成 2027-11-11 这样。`, `"${date}" is not a date; write it like 2027-11-11.`, EXAMPLE);
    checkDay(eventDay, services, EXAMPLE);
    const now = services.clock.now();
    const book = await services.books.checklists();
    let c;
    try {
      c = await book.start(tpl, eventName(tpl, template), eventDay, threadOf(ctx.incoming), ctx.incoming.user, now, services.calendar.dayOf(now.getTime()), ctx.lang);
    } catch (err) {
      throw checklistProblem(err);
    }
    await services.audit.record({ kind: 'checklist.start', user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `started ${tpl.id} checklist #${c.id} for ${date}`, data: { checklist: c.id, template: tpl.id, eventDay: date } });
    return {
      lang: ctx.lang,
      blocks: [
        { type: 'text', tone: 'heading', text: checklistTitle(c, ctx.lang) },
        ...phaseBlocks(c, ctx.lang, services.calendar.dayOf(now.getTime())),
        { type: 'context', text: t(`每天 ${'提醒'}：到期和逾期事项会在本会话汇总，负责人会提前一天收到提醒。完成：完成 ${c.items[0].no}；延期：延期 ${c.items[0].no} 3天；跳过：跳过 ${c.items[0].no} 原因；指派：分配 ${c.items[0].no} @某人`, `Daily digest of due and overdue items here; owners get a nudge the day before. Tick: done ${c.items[0].no}; postpone ${c.items[0].no} 3d; skip ${c.items[0].no} reason; assign ${c.items[0].no} @someone`) },
      ],
      data: { checklist: c.id, items: c.items.length },
    };
  },
});
