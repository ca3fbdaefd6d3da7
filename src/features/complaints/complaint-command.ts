import { z } from 'zod';
import { say } from '../../chat/lang.ts';
import { defineCommand } from '../../bot/spec.ts';
import { DeskError } from '../../domain/complaints/complaint-desk.ts';
import { complaintDesk, deskProblem, readId, showsFullRecord } from './complaint-access.ts';
import { complaintCard } from './complaint-card.ts';
import { complaintWords, logComplaint, NEW_EXAMPLE } from './log-complaint.ts';
import { readComplaint } from './read-complaint.ts';

const args = complaintWords
  .extend({ show: z.number().int().positive().optional() });

/** `投诉 31` / `complaint 31` shows #31 with its timeline; `投诉 <text>` logs a new one. */
export const complaintCommand = defineCommand({
  id: 'complaint',
  phrases: { zh: ['投诉'], en: ['complaint'] },
  summary: { zh: '登记或查看投诉', en: 'Log or show a complaint' },
  examples: { zh: [NEW_EXAMPLE.zh, '投诉 31'], en: [NEW_EXAMPLE.en, 'complaint 31'] },
  role: 'staff',
  args,
  parse: (rest) => {
    const id = readId(rest);
    return id !== undefined && rest.trim().replace(/^#/, '') === String(id) ? { show: id } : readComplaint(rest);
  },
  async handle(ctx, a) {
    if (a.show === undefined) return logComplaint(ctx, a);
    const desk = await complaintDesk(ctx.services);
    const c = desk.find(a.show);
    if (!c) throw deskProblem(new DeskError('unknown', a.show), { zh: '投诉列表', en: 'complaints' });
    await desk.refresh(ctx.services.clock.now().getTime());
    const t = say(ctx.lang);
    return {
      lang: ctx.lang,
      blocks: complaintCard(c, { lang: ctx.lang, full: showsFullRecord(ctx), calendar: ctx.services.calendar, timeline: true }),
      summary: t(`投诉 #${c.id}`, `Complaint #${c.id}`),
      data: { complaint: c.id, status: c.status, severity: c.severity, deadlines: c.deadlines, escalations: c.escalations, timeline: c.timeline.length },
    };
  },
});

/** `complaint new …` / `新投诉 …`: always logs, even when the text starts with a number. */
export const complaintNewCommand = defineCommand({
  id: 'complaint-new',
  phrases: { zh: ['新投诉', '登记投诉'], en: ['complaint new', 'new complaint'] },
  summary: { zh: '登记投诉', en: 'Log a complaint' },
  examples: { zh: ['登记投诉 客户：张三 渠道 抖音 快递三天没到'], en: [NEW_EXAMPLE.en] },
  role: 'staff',
  hidden: true,
  args: complaintWords,
  parse: (rest) => readComplaint(rest),
  handle: (ctx, a) => logComplaint(ctx, a),
});
