import { localIdOf } from '../../chat/address.ts';
import { formatDay, type Day } from '../../domain/calendar.ts';
import { itemState, type Checklist, type ChecklistItem, type ItemState } from '../../domain/checklists/checklist.ts';
import type { RoleLookup } from '../../domain/roles.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Block } from '../../chat/reply.ts';
import { roleName } from '../../bot/role-names.ts';

// How a checklist reads in chat: per phase, each item with its number, owner, due date and state.

export const STATE_LABEL: Record<ItemState, [string, string]> = {
  done: ['✅ 已完成', '✅ done'],
  skipped: ['⏭ 已跳过', '⏭ skipped'],
  overdue: ['⚠ 逾期', '⚠ overdue'],
  due: ['⏰ 今天到期', '⏰ due today'],
  upcoming: ['待办', 'to do'],
};

export const stateLabel = (s: ItemState, lang: Lang) => STATE_LABEL[s][lang === 'zh' ? 0 : 1];

/** The owner as a mention-able name: the assigned person, else the role. */
export function ownerLabel(item: ChecklistItem, lang: Lang): string {
  return item.owner ? `@${localIdOf(item.owner)}` : roleName(item.ownerRole, lang);
}

/** Who to mention for an item: the assigned person, else everyone holding its role. */
export function ownersOf(item: ChecklistItem, roles: RoleLookup): string[] {
  return item.owner ? [item.owner] : roles.usersWith(item.ownerRole);
}

export function checklistTitle(c: Checklist, lang: Lang): string {
  return say(lang)(`${c.name.zh} 清单 · 活动日 ${formatDay(c.eventDay)}`, `${c.name.en} checklist · event day ${formatDay(c.eventDay)}`);
}

export function itemLine(item: ChecklistItem, lang: Lang, today: Day): string {
  return `#${item.no} ${item.title[lang]} · ${ownerLabel(item, lang)} · ${formatDay(item.due)} · ${stateLabel(itemState(item, today), lang)}`;
}

/** The plan or progress: one table per phase, with done / due / overdue counts in its title. */
export function phaseBlocks(c: Checklist, lang: Lang, today: Day): Block[] {
  const t = say(lang);
  const blocks: Block[] = [];
  for (const phase of c.phases) {
    const items = c.items.filter((i) => i.phase === phase.id);
    if (items.length === 0) continue;
    const states = items.map((i) => itemState(i, today));
    const count = (s: ItemState) => states.filter((x) => x === s).length;
    const finished = count('done') + count('skipped');
    blocks.push({ type: 'text', tone: 'heading', text: t(`${phase.name.zh}（完成 ${finished}/${items.length}，今天到期 ${count('due')}，逾期 ${count('overdue')}）`, `${phase.name.en} (done ${finished}/${items.length}, due today ${count('due')}, overdue ${count('overdue')})`) });
    blocks.push({
      type: 'table',
      columns: [
        { title: '#', align: 'right' },
        { title: t('事项', 'Item'), align: 'left' },
        { title: t('负责人', 'Owner'), align: 'left' },
        { title: t('截止', 'Due'), align: 'left' },
        { title: t('状态', 'State'), align: 'left' },
      ],
      rows: items.map((i, k) => [String(i.no), i.title[lang], ownerLabel(i, lang), formatDay(i.due), stateLabel(states[k], lang)]),
    });
  }
  return blocks;
}
