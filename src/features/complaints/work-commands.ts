import { z } from 'zod';
import type { Complaint } from '../../domain/complaints/complaint.ts';
import type { ComplaintDesk } from '../../domain/complaints/complaint-desk.ts';
import type { Role } from '../../domain/roles.ts';
import { problem } from '../../bot/errors.ts';
import { say, type Bilingual } from '../../chat/lang.ts';
import { text, type Reply } from '../../chat/reply.ts';
import { defineCommand, type CommandContext } from '../../bot/spec.ts';
import { complaintDesk, deskProblem, LEADS, readId, requireRole, showsFullRecord, WORKERS } from './complaint-access.ts';
import { deadlineLines } from './complaint-card.ts';
import { duration, readSeverity, severityName, shield } from './complaint-words.ts';

// The steps of working a complaint. Each is checked by role, applied once by the desk and
// answered in the complaint's thread with what changed and what is due next.

const withText = z.object({ id: z.number({ error: 'a complaint number like 31' }).int().positive(), text: z.string().trim().default('') });
const readIdAndText = (rest: string) => {
  const id = readId(rest);
  return { id, text: id === undefined ? rest : rest.trim().replace(/^#?\d+/, '').replace(/^[\s,，:：]+/, '') };
};

interface Step {
  id: string;
  zh: string[];
  en: string[];
  summary: Bilingual;
  example: Bilingual;
  allowed: Role[];
  run(desk: ComplaintDesk, id: number, user: string, text: string): Promise<Complaint>;
  said(c: Complaint, lang: 'zh' | 'en', mask: (s: string) => string, desk: ComplaintDesk): string;
}

function stepCommand(s: Step) {
  return defineCommand({
    id: s.id,
    phrases: { zh: s.zh, en: s.en },
    summary: s.summary,
    examples: { zh: [s.example.zh], en: [s.example.en] },
    role: 'staff',
    args: withText,
    parse: readIdAndText,
    async handle(ctx: CommandContext, a): Promise<Reply> {
      requireRole(ctx, s.allowed, s.example);
      const desk = await complaintDesk(ctx.services);
      let c: Complaint;
      try {
        c = await s.run(desk, a.id, ctx.incoming.user, a.text);
      } catch (err) {
        throw deskProblem(err, s.example);
      }
      // Resolutions and reopenings are decisions worth finding later in the audit log.
      if (s.id === 'complaint-resolve' || s.id === 'complaint-reopen') {
        await ctx.services.audit.record({ kind: s.id.replace('-', '.'), user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `complaint #${c.id} ${c.status === 'resolved' ? 'resolved' : 'reopened'}`, data: { complaint: c.id } });
      }
      const mask = shield(c, showsFullRecord(ctx));
      const lines = deadlineLines(c, ctx.lang, ctx.services.calendar);
      const said = s.said(c, ctx.lang, mask, desk);
      return { lang: ctx.lang, blocks: [text(said), ...(lines.length ? [text(lines.join('\n'), 'muted')] : [])], summary: said, data: { complaint: c.id, status: c.status, severity: c.severity, deadlines: c.deadlines } };
    },
  });
}

const sinceLogged = (c: Complaint, desk: ComplaintDesk, until: string | undefined) =>
  until ? desk.time.between(Date.parse(c.createdAt), Date.parse(until), c.pauses.map((p) => ({ from: Date.parse(p.from), to: p.to ? Date.parse(p.to) : undefined }))) : 0;

export const ackCommand = stepCommand({
  id: 'complaint-ack', zh: ['受理'], en: ['ack'], summary: { zh: '受理投诉', en: 'Acknowledge a complaint' }, example: { zh: '受理 31', en: 'ack 31' }, allowed: WORKERS,
  run: (desk, id, user) => desk.ack(id, user),
  said: (c, lang, _m, desk) => say(lang)(`投诉 #${c.id} 已受理，首次响应用时 ${duration(sinceLogged(c, desk, c.ackAt), 'zh')}。`, `Complaint #${c.id} acknowledged; first response took ${duration(sinceLogged(c, desk, c.ackAt), 'en')}.`),
});

export const noteCommand = stepCommand({
  id: 'complaint-note', zh: ['备注'], en: ['note'], summary: { zh: '投诉备注', en: 'Note on a complaint' }, example: { zh: '备注 31 已联系客户，补发新品', en: 'note 31 called the customer, sending a replacement' }, allowed: WORKERS,
  run: (desk, id, user, t) => desk.note(id, user, t),
  said: (c, lang, mask) => say(lang)(`已记在投诉 #${c.id}：${mask(c.timeline.at(-1)?.text ?? '')}`, `Noted on complaint #${c.id}: ${mask(c.timeline.at(-1)?.text ?? '')}`),
});

export const waitingCommand = stepCommand({
  id: 'complaint-waiting', zh: ['等待'], en: ['waiting'], summary: { zh: '等待客户（暂停计时）', en: 'Waiting on the customer (pause)' }, example: { zh: '等待 31', en: 'waiting 31' }, allowed: WORKERS,
  run: (desk, id, user, t) => desk.waiting(id, user, t || undefined),
  said: (c, lang) => say(lang)(`投诉 #${c.id} 等待客户回复，计时暂停；任何下一步操作都会恢复计时。`, `Complaint #${c.id} is waiting on the customer; clocks paused until the next step.`),
});

export const resolveCommand = stepCommand({
  id: 'complaint-resolve', zh: ['解决'], en: ['resolve'], summary: { zh: '解决投诉', en: 'Resolve a complaint' }, example: { zh: '解决 31 已补发并退运费，客户满意', en: 'resolve 31 replacement sent and shipping refunded' }, allowed: WORKERS,
  run: (desk, id, user, t) => desk.resolve(id, user, t),
  said: (c, lang, mask, desk) => say(lang)(`投诉 #${c.id} 已解决（用时 ${duration(sinceLogged(c, desk, c.resolvedAt), 'zh')}）：${mask(c.resolution ?? '')}`, `Complaint #${c.id} resolved in ${duration(sinceLogged(c, desk, c.resolvedAt), 'en')}: ${mask(c.resolution ?? '')}`),
});

export const reopenCommand = stepCommand({
  id: 'complaint-reopen', zh: ['重开'], en: ['reopen'], summary: { zh: '重开投诉', en: 'Reopen a complaint' }, example: { zh: '重开 31 客户说补发的也漏液', en: 'reopen 31 the replacement leaks too' }, allowed: LEADS,
  run: (desk, id, user, t) => desk.reopen(id, user, t || undefined),
  said: (c, lang) => say(lang)(`投诉 #${c.id} 已重开，重新计算解决时限。`, `Complaint #${c.id} reopened; the resolution clock starts again.`),
});

const severityArgs = z.object({ id: z.number({ error: 'a complaint number like 31' }).int().positive(), severity: z.string() });
const SEVERITY_EXAMPLE = { zh: '定级 31 严重', en: 'severity 31 serious' };

export const severityCommand = defineCommand({
  id: 'complaint-severity',
  phrases: { zh: ['定级', '改级'], en: ['severity'] },
  summary: { zh: '调整投诉级别', en: 'Change a complaint severity' },
  examples: { zh: [SEVERITY_EXAMPLE.zh], en: [SEVERITY_EXAMPLE.en] },
  role: 'staff',
  args: severityArgs,
  parse: (rest) => {
    const { id, text: word } = readIdAndText(rest);
    return { id, severity: word };
  },
  async handle(ctx, a): Promise<Reply> {
    requireRole(ctx, LEADS, SEVERITY_EXAMPLE);
    const severity = readSeverity(a.severity);
    if (!severity) throw problem('complaint_bad_severity', `「${a.severity}」不是级别：请写严重、一般或关注。`, `"${a.severity}" is not a severity: use serious, normal or watch.`, SEVERITY_EXAMPLE);
    const desk = await complaintDesk(ctx.services);
    let c: Complaint;
    try {
      c = await desk.setSeverity(a.id, ctx.incoming.user, severity);
    } catch (err) {
      throw deskProblem(err, SEVERITY_EXAMPLE);
    }
    await ctx.services.audit.record({ kind: 'complaint.severity', user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `complaint #${c.id} severity set to ${c.severity}`, data: { complaint: c.id, severity: c.severity } });
    const t = say(ctx.lang);
    const lines = deadlineLines(c, ctx.lang, ctx.services.calendar);
    const said = t(`投诉 #${c.id} 改为「${severityName(c.severity, 'zh')}」，时限已重新计算。`, `Complaint #${c.id} is now ${severityName(c.severity, 'en')}; deadlines recalculated.`);
    return { lang: ctx.lang, blocks: [text(said), ...(lines.length ? [text(lines.join('\n'), 'muted')] : [])], summary: said, data: { complaint: c.id, severity: c.severity, deadlines: c.deadlines } };
  },
});

export const complaintStepCommands = [ackCommand, noteCommand, waitingCommand, resolveCommand, reopenCommand, severityCommand];
