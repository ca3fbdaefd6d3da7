import { z } from 'zod';
import { isOpen, type Complaint } from '../../domain/complaints/complaint.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { roleName } from '../../bot/role-names.ts';
import { defineCommand } from '../../bot/spec.ts';
import { complaintDesk, showsFullRecord } from './complaint-access.ts';
import { levelOf } from './complaint-card.ts';
import { duration, severityName, shield, statusName } from './complaint-words.ts';
import { count, plural } from '../shared/counts.ts';

const RANK = { serious: 0, normal: 1, watch: 2 } as const;

/** Most urgent first: the nearest deadline (overdue ones lead), paused ones last, serious before the rest. */
export function byUrgency(a: Complaint, b: Complaint): number {
  const due = (c: Complaint) => (c.status === 'waiting' ? Infinity : Math.min(Date.parse(c.deadlines.firstResponse ?? '9999'), Date.parse(c.deadlines.next ?? c.deadlines.resolution ?? '9999')));
  return due(a) - due(b) || RANK[a.severity] - RANK[b.severity] || a.id - b.id;
}

/** `complaints` / `投诉列表`: the open complaints, most urgent first. */
export const complaintsListCommand = defineCommand({
  id: 'complaints',
  phrases: { zh: ['投诉列表', '未结投诉'], en: ['complaints', 'open complaints'] },
  summary: { zh: '未结投诉（按紧急程度）', en: 'Open complaints by urgency' },
  examples: { zh: ['投诉列表'], en: ['complaints'] },
  role: 'staff',
  args: z.object({}),
  parse: () => ({}),
  async handle(ctx) {
    const t = say(ctx.lang);
    const desk = await complaintDesk(ctx.services);
    const now = ctx.services.clock.now().getTime();
    await desk.refresh(now);
    const open = desk.all.filter(isOpen).sort(byUrgency);
    if (!open.length) return { lang: ctx.lang, blocks: [text(t('没有未结的投诉。', 'No open complaints.'))], data: { open: [] } };
    const full = showsFullRecord(ctx);
    const rows = open.map((c) => {
      const dueIso = c.status === 'waiting' ? undefined : (c.deadlines.firstResponse ?? c.deadlines.resolution);
      const left = dueIso ? Date.parse(dueIso) - now : undefined;
      const when = left === undefined ? t('暂停', 'paused') : left < 0 ? t(`逾期 ${duration(-left, 'zh')}`, `overdue ${duration(-left, 'en')}`) : t(`剩 ${duration(left, 'zh')}`, `${duration(left, 'en')} left`);
      const snippet = shield(c, full)(c.text);
      return [`#${c.id}`, severityName(c.severity, ctx.lang), statusName(c.status, ctx.lang), roleName(levelOf(c), ctx.lang), when, snippet.length > 24 ? `${snippet.slice(0, 23)}…` : snippet];
    });
    return {
      lang: ctx.lang,
      blocks: [
        text(t(`未结投诉 ${count(open.length)} 件（最紧急在前）`, `${plural(open.length, 'open complaint')}, most urgent first`), 'heading'),
        { type: 'table', columns: ['#', t('级别', 'Severity'), t('状态', 'Status'), t('层级', 'Level'), t('下个截止', 'Next deadline'), t('内容', 'Complaint')].map((title, i) => ({ title, align: i === 0 ? 'right' : 'left' })), rows },
        { type: 'context', text: t(`发送「投诉 ${open[0].id}」查看某件的时间线。`, `Send "complaint ${open[0].id}" for one with its timeline.`) },
      ],
      data: { open: open.map((c) => ({ id: c.id, severity: c.severity, status: c.status, deadlines: c.deadlines, level: levelOf(c) })) },
    };
  },
});
