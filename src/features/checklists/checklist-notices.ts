import { formatDay } from '../../domain/calendar.ts';
import { itemState } from '../../domain/checklists/checklist.ts';
import { dueReminders, type ChecklistReminder } from '../../domain/checklists/reminders.ts';
import { quietUntil } from '../../domain/time-of-day.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { dmTarget, type Notice, type NoticeSource } from '../../bot/notices.ts';
import type { Reply } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import type { ChecklistRules } from '../../domain/playbook/checklists.ts';
import { checklistTitle, itemLine, ownerLabel, ownersOf, phaseBlocks } from './checklist-view.ts';
import { count, plural } from '../shared/counts.ts';

/** Daily digest, day-before nudges and the Monday summary for every running checklist. */
export const checklistNoticeSource: NoticeSource = {
  id: 'checklists',
  async collect(now, services) {
    const rules = services.playbook.checklists;
    const book = await services.books.checklists();
    const due = dueReminders(book.all, now.getTime(), services.calendar, rules);
    return due.map((r) => toNotice(r, services, rules));
  },
};

function toNotice(r: ChecklistReminder, s: Services, rules: ChecklistRules): Notice {
  const lang = r.checklist.lang ?? s.store.lang;
  const notBefore = quietUntil(r.dueAt, s.calendar, rules.quietFrom, rules.quietTo) ?? r.dueAt;
  const base = { key: r.key, dueAt: new Date(r.dueAt), ...(notBefore > r.dueAt ? { notBefore: new Date(notBefore) } : {}) };
  const inThread = { conversation: r.checklist.conversation, ...(r.checklist.thread ? { thread: r.checklist.thread } : {}) };
  switch (r.kind) {
    case 'digest':
      return { ...base, kind: 'checklist.digest', target: inThread, reply: digest(r, s, lang) };
    case 'nudge': {
      const toPerson = r.item.owner !== undefined;
      return { ...base, kind: 'checklist.nudge', target: toPerson ? { conversation: dmTarget(r.item.owner!) } : inThread, reply: nudge(r, s, lang) };
    }
    case 'weekly':
      return { ...base, kind: 'checklist.weekly', target: { conversation: dmTarget(r.checklist.startedBy) }, reply: weekly(r, s, lang) };
  }
}

function digest(r: Extract<ChecklistReminder, { kind: 'digest' }>, s: Services, lang: Lang): Reply {
  const t = say(lang);
  const mentions = [...new Set(r.items.flatMap((x) => ownersOf(x.item, s.roles)))];
  return {
    lang,
    mentions,
    summary: t(`${r.checklist.name.zh}：今天 ${r.items.length} 项待办`, `${r.checklist.name.en}: ${plural(r.items.length, 'item needs', 'items need')} attention today`),
    blocks: [
      { type: 'text', tone: 'heading', text: t(`📋 ${r.checklist.name.zh} 今日待办 · ${formatDay(r.day)}`, `📋 ${r.checklist.name.en} today · ${formatDay(r.day)}`) },
      { type: 'text', text: r.items.map((x) => itemLine(x.item, lang, r.day)).join('\n') },
      { type: 'context', text: t('完成后回复「完成 编号」；需要延期回复「延期 编号 3天」。', 'Reply "done N" when finished, or "postpone N 3d".') },
    ],
  };
}

function nudge(r: Extract<ChecklistReminder, { kind: 'nudge' }>, s: Services, lang: Lang): Reply {
  const t = say(lang);
  const { item } = r;
  return {
    lang,
    mentions: ownersOf(item, s.roles),
    summary: t(`明天到期：#${item.no} ${item.title.zh}`, `Due tomorrow: #${item.no} ${item.title.en}`),
    blocks: [
      { type: 'text', text: t(`⏰ 明天到期：#${item.no} ${item.title.zh}（${ownerLabel(item, lang)}）`, `⏰ Due tomorrow: #${item.no} ${item.title.en} (${ownerLabel(item, lang)})`) },
      { type: 'text', tone: 'muted', text: item.description[lang] },
      { type: 'context', text: checklistTitle(r.checklist, lang) },
    ],
  };
}

function weekly(r: Extract<ChecklistReminder, { kind: 'weekly' }>, s: Services, lang: Lang): Reply {
  const t = say(lang);
  const c = r.checklist;
  const states = c.items.map((i) => itemState(i, r.monday));
  const n = (k: string) => states.filter((x) => x === k).length;
  return {
    lang,
    summary: t(`${c.name.zh} 周进度`, `${c.name.en} weekly progress`),
    blocks: [
      { type: 'text', tone: 'heading', text: t(`📈 ${c.name.zh} 周进度 · ${formatDay(r.monday)}`, `📈 ${c.name.en} weekly progress · ${formatDay(r.monday)}`) },
      { type: 'figures', items: [
        { label: t('已完成', 'Done'), value: `${n('done') + n('skipped')}/${c.items.length}` },
        { label: t('逾期', 'Overdue'), value: count(n('overdue')) },
        { label: t('今天到期', 'Due today'), value: count(n('due')) },
      ] },
      ...phaseBlocks(c, lang, r.monday),
    ],
  };
}
