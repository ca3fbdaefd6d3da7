import type { Checklist, ChecklistItem } from '../../domain/checklists/checklist.ts';
import type { Lang } from '../../chat/lang.ts';
import type { Reply } from '../../chat/reply.ts';
import { checklistTitle, itemLine } from './checklist-view.ts';
import type { Day } from '../../domain/calendar.ts';

/** The answer after an item changed: what it is now, and how far the checklist has come. */
export function itemReply(lang: Lang, headline: string, c: Checklist, item: ChecklistItem, today: Day): Reply {
  const finished = c.items.filter((i) => i.status !== 'open').length;
  return {
    lang,
    blocks: [
      { type: 'text', text: headline },
      { type: 'text', text: itemLine(item, lang, today) },
      { type: 'context', text: `${checklistTitle(c, lang)} · ${lang === 'zh' ? `完成 ${finished}/${c.items.length}` : `done ${finished}/${c.items.length}`}` },
    ],
    data: { item: item.no, status: item.status, due: item.due },
  };
}
