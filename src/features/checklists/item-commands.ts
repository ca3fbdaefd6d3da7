import { z } from 'zod';
import { formatDay } from '../../domain/calendar.ts';
import { say } from '../../chat/lang.ts';
import { defineCommand, type CommandContext } from '../../bot/spec.ts';
import { checklistProblem } from './checklist-problems.ts';
import { ownerLabel } from './checklist-view.ts';
import { itemReply } from './item-reply.ts';
import { readUserRef } from '../access/user-ref.ts';

// Working checklist items: done, postpone, skip, assign. Each checks the item is in
// this conversation's checklist and open, and who may touch it, before changing it.

const itemNo = z.number({ error: 'an item number like 4' }).int().positive();

const readNo = (rest: string) => {
  const m = /^#?(\d+)\s*(.*)$/.exec(rest.trim());
  return m ? { no: Number(m[1]), rest: m[2].trim() } : { no: undefined, rest };
};

async function context(ctx: CommandContext) {
  const book = await ctx.services.books.checklists();
  const now = ctx.services.clock.now();
  return { book, now, today: ctx.services.calendar.dayOf(now.getTime()), t: say(ctx.lang) };
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw checklistProblem(err);
  }
}

export const itemDoneCommand = defineCommand({
  id: 'checklist.done',
  phrases: { zh: ['完成'], en: ['done'] },
  summary: { zh: '勾选完成清单事项', en: 'Tick a checklist item done' },
  examples: { zh: ['完成 4'], en: ['done 4'] },
  role: 'staff',
  args: z.object({ no: itemNo }),
  parse: (rest) => ({ no: readNo(rest).no }),
  async handle(ctx, { no }) {
    const { book, now, today, t } = await context(ctx);
    const { checklist, item } = await guarded(() => book.done(no, ctx.incoming.conversation, ctx.incoming.user, ctx.roles, now));
    return itemReply(ctx.lang, t(`👍 #${no} 已完成。`, `👍 #${no} is done.`), checklist, item, today);
  },
});

/** `3d`, `3天`, `3 days`, `1w`, `1周`, `2` (days). */
export function readDays(text: string): number | undefined {
  const m = /^(\d{1,3})\s*(d|day|days|天|日|w|wk|week|weeks|周|星期)?$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return /^(w|wk|week|weeks|周|星期)$/i.test(m[2] ?? '') ? n * 7 : n;
}

export const itemPostponeCommand = defineCommand({
  id: 'checklist.postpone',
  phrases: { zh: ['延期', '推迟'], en: ['postpone', 'delay'] },
  summary: { zh: '延期清单事项', en: 'Postpone a checklist item' },
  examples: { zh: ['延期 4 3天'], en: ['postpone 4 3d'] },
  role: 'staff',
  args: z.object({ no: itemNo, days: z.number({ error: 'a delay like 3d or 1w' }).int().min(1, 'at least one day').max(90, 'at most 90 days') }),
  parse(rest) {
    const { no, rest: after } = readNo(rest);
    return { no, days: readDays(after) };
  },
  async handle(ctx, { no, days }) {
    const { book, today, t } = await context(ctx);
    const { checklist, item } = await guarded(() => book.postpone(no, days, ctx.incoming.conversation, ctx.incoming.user, ctx.roles));
    return itemReply(ctx.lang, t(`🕒 #${no} 延期 ${days} 天，新截止日 ${formatDay(item.due)}。`, `🕒 #${no} postponed by ${days} day(s); now due ${formatDay(item.due)}.`), checklist, item, today);
  },
});

export const itemSkipCommand = defineCommand({
  id: 'checklist.skip',
  phrases: { zh: ['跳过'], en: ['skip'] },
  summary: { zh: '跳过清单事项（需写原因）', en: 'Skip a checklist item (with a reason)' },
  examples: { zh: ['跳过 4 今年不做直播'], en: ['skip 4 no live streams this year'] },
  role: 'staff',
  args: z.object({ no: itemNo, reason: z.string().min(2, 'a reason') }),
  parse(rest) {
    const { no, rest: reason } = readNo(rest);
    return { no, reason };
  },
  async handle(ctx, { no, reason }) {
    const { book, now, today, t } = await context(ctx);
    const { checklist, item } = await guarded(() => book.skip(no, reason, ctx.incoming.conversation, ctx.incoming.user, ctx.roles, now));
    return itemReply(ctx.lang, t(`⏭ #${no} 已跳过：${reason}`, `⏭ #${no} skipped: ${reason}`), checklist, item, today);
  },
});

export const itemAssignCommand = defineCommand({
  id: 'checklist.assign',
  phrases: { zh: ['分配', '指派'], en: ['assign'] },
  summary: { zh: '指派清单事项负责人', en: 'Assign a checklist item' },
  examples: { zh: ['分配 4 @bob'], en: ['assign 4 @bob'] },
  role: 'ops_manager',
  args: z.object({ no: itemNo, owner: z.string({ error: 'a person like @bob' }).min(3) }),
  parse(rest, ctx) {
    const { no, rest: who } = readNo(rest);
    const platform = ctx.incoming.platform;
    // The same reading as `grant`, but a bare word is not taken for a person here: an @mention or an id.
    return { no, owner: /^(@|[a-z]+:)/.test(who.trim()) ? readUserRef(who, platform) : undefined };
  },
  async handle(ctx, { no, owner }) {
    const { book, today, t } = await context(ctx);
    const { checklist, item } = await guarded(() => book.assign(no, owner, ctx.incoming.conversation));
    const reply = itemReply(ctx.lang, t(`👤 #${no} 交给 ${ownerLabel(item, 'zh')}。`, `👤 #${no} is now ${ownerLabel(item, 'en')}'s.`), checklist, item, today);
    return { ...reply, mentions: [owner] };
  },
});

