import { z } from 'zod';
import { say } from '../../chat/lang.ts';
import type { Block } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { checklistTitle, phaseBlocks } from './checklist-view.ts';

/** `checklist` / `清单`: progress of this conversation's checklists, phase by phase. */
export const checklistShowCommand = defineCommand({
  id: 'checklist.show',
  phrases: { zh: ['清单', '清单进度', '检查清单'], en: ['checklist', 'checklists'] },
  summary: { zh: '查看清单进度', en: 'Checklist progress' },
  examples: { zh: ['清单'], en: ['checklist'] },
  role: 'staff',
  args: z.object({}),
  parse: () => ({}),
  async handle(ctx) {
    const t = say(ctx.lang);
    const book = await ctx.services.books.checklists();
    const today = ctx.services.calendar.dayOf(ctx.services.clock.now().getTime());
    const lists = book.active(ctx.incoming.conversation, today);
    if (lists.length === 0) {
      return { lang: ctx.lang, blocks: [{ type: 'text', text: t('这个会话还没有进行中的清单。', 'No checklist is running in this conversation.') }, { type: 'text', tone: 'muted', text: t('例如：启动清单 双11 2027-11-11', 'For example: checklist start double11 2027-11-11') }] };
    }
    const blocks: Block[] = lists.flatMap((c) => [{ type: 'text', tone: 'heading', text: checklistTitle(c, ctx.lang) } as Block, ...phaseBlocks(c, ctx.lang, today)]);
    return { lang: ctx.lang, blocks, data: { checklists: lists.map((c) => c.id) } };
  },
});
