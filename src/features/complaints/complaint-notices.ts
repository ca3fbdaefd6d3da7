import type { Complaint } from '../../domain/complaints/complaint.ts';
import type { Step } from '../../domain/complaints/deadlines.ts';
import { dueSteps } from '../../domain/complaints/deadlines.ts';
import { say } from '../../chat/lang.ts';
import type { Notice, NoticeSource } from '../../bot/notices.ts';
import { text, type Reply } from '../../chat/reply.ts';
import { roleName } from '../../bot/role-names.ts';
import type { Services } from '../../bot/services.ts';
import { complaintDesk } from './complaint-access.ts';
import { duration, severityName, shield, who } from './complaint-words.ts';

// Warnings and escalations, derived each tick from the stored complaints: everything
// due by now comes back again after downtime, and the outbox keeps each key once.

/** Resolved complaints are still looked at for a day, so a step that fell due just before is not lost. */
const RECENT_MS = 24 * 3_600_000;

function mentionsFor(c: Complaint, step: Step, services: Services): string[] {
  if (step.kind === 'warn' && step.level === 'cs_agent') return c.ackBy ? [c.ackBy] : services.roles.usersWith('cs_agent');
  return services.roles.usersWith(step.level);
}

function noticeReply(c: Complaint, step: Step, services: Services, now: number): Reply {
  const lang = c.lang ?? services.store.lang;
  const t = say(lang);
  const mentions = mentionsFor(c, step, services);
  const names = mentions.map(who).join(' ');
  const at = services.calendar.formatTime(step.due);
  const what = step.deadline === 'first_response' ? t('首次响应', 'first response') : t('解决', 'resolution');
  const gist = shield(c, c.direct)(c.text);
  const short = gist.length > 40 ? `${gist.slice(0, 39)}…` : gist;
  const head =
    step.kind === 'warn'
      ? now < step.due
        ? t(`⏰ 投诉 #${c.id}（${severityName(c.severity, 'zh')}）${what}将于 ${at} 到期，还剩约 ${duration(step.due - now, 'zh')}。`, `⏰ Complaint #${c.id} (${severityName(c.severity, 'en')}): ${what} due at ${at}, about ${duration(step.due - now, 'en')} left.`)
        : t(`⏰ 投诉 #${c.id}（${severityName(c.severity, 'zh')}）${what}截止 ${at}，已经过了。`, `⏰ Complaint #${c.id} (${severityName(c.severity, 'en')}): ${what} was due at ${at}; that has passed.`)
      : t(`🚨 投诉 #${c.id}（${severityName(c.severity, 'zh')}）${what}已于 ${at} 超时，升级至${roleName(step.level, 'zh')}。`, `🚨 Complaint #${c.id} (${severityName(c.severity, 'en')}) missed its ${what} deadline at ${at}; escalated to ${roleName(step.level, 'en')}.`);
  const nobody = t(`（还没有人担任${roleName(step.level, 'zh')}，请管理员用 grant 授权）`, `(nobody holds ${roleName(step.level, 'en')} yet; an admin can grant it)`);
  return {
    lang,
    blocks: [text(head, step.kind === 'warn' ? 'normal' : 'warning'), text(short, 'muted'), text(names ? `${names} ${t('请跟进', 'please take it')}` : nobody)],
    mentions,
    summary: head,
    data: { complaint: c.id, step: step.kind, deadline: step.deadline, level: step.level },
  };
}

export const complaintEscalations: NoticeSource = {
  id: 'complaints',
  async collect(now: Date, services: Services): Promise<Notice[]> {
    const desk = await complaintDesk(services);
    const t = now.getTime();
    await desk.refresh(t);
    const notices: Notice[] = [];
    for (const c of desk.all) {
      if (c.status === 'resolved' && t - Date.parse(c.resolvedAt ?? c.createdAt) > RECENT_MS) continue;
      for (const step of dueSteps(c, desk.rules, desk.time, t)) {
        // Already queued (the outbox keeps each key once): skip building its message again.
        if (services.outboxStore.byKey(step.key)) continue;
        notices.push({
          key: step.key,
          kind: step.kind === 'warn' ? 'complaint.warning' : 'complaint.escalation',
          target: { conversation: c.conversation, ...(c.thread ? { thread: c.thread } : {}) },
          reply: noticeReply(c, step, services, t),
          dueAt: new Date(step.at),
        });
      }
    }
    return notices;
  },
};
