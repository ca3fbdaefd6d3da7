import type { ApprovalRequest } from '../../domain/approvals/approval.ts';
import { say } from '../../chat/lang.ts';
import type { Notice, NoticeSource } from '../../bot/notices.ts';
import { text } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { at, auditPrefix } from './approval-kind.ts';
import { decisionChoices, requestHeading, statusLine, when } from './approval-replies.ts';

// What approvals say on their own, in the request's thread: a reminder to the deciders
// halfway to expiry, and a note when a request expires. Both are derived from the stored
// request times, so a tick after downtime still finds them; keys make each go out once.

const WEEK = 7 * 86_400_000;

function reminder(r: ApprovalRequest, services: Services): Notice {
  const t = say(r.lang);
  const managers = services.roles.usersWith(r.approverRole).filter((u) => u !== r.requester);
  return {
    key: `approval:${r.id}:remind`,
    kind: 'approval.reminder',
    target: { conversation: r.conversation, ...(r.thread ? { thread: r.thread } : {}) },
    dueAt: new Date(r.remindAt),
    reply: {
      lang: r.lang,
      blocks: [
        requestHeading(r, r.lang),
        text(t(`提醒：${at(r.requester)} 的申请还在等待审批，将于 ${when(r.expiresAt, services.calendar)} 过期。${managers.map(at).join(' ')}`, `Reminder: ${at(r.requester)}'s request still awaits a decision and expires at ${when(r.expiresAt, services.calendar)}. ${managers.map(at).join(' ')}`).trim()),
        decisionChoices(r, r.lang),
      ],
      mentions: managers,
      summary: t(`#${r.id} 待审批提醒`, `#${r.id} awaits a decision`),
    },
  };
}

function expiryNote(r: ApprovalRequest, services: Services): Notice {
  return {
    key: `approval:${r.id}:expired`,
    kind: 'approval.expired',
    target: { conversation: r.conversation, ...(r.thread ? { thread: r.thread } : {}) },
    dueAt: new Date(r.expiresAt),
    reply: { lang: r.lang, blocks: [requestHeading(r, r.lang), text(statusLine(r, r.lang, services.calendar), 'muted')], mentions: [r.requester], summary: statusLine(r, r.lang, services.calendar) },
  };
}

export const approvalNotices: NoticeSource = {
  id: 'approvals',
  async collect(now, services) {
    const book = await services.books.approvals();
    const expired = book.expireDue(now);
    if (expired.length) {
      await book.save();
      for (const r of expired) {
        await services.audit.record({ kind: `${auditPrefix(r.kind)}.expire`, user: 'system', conversation: r.conversation, summary: `#${r.id} expired undecided (${r.subject.en})`, data: { requestId: r.id, approvalKind: r.kind, payload: r.payload } });
      }
    }
    const out: Notice[] = [];
    for (const r of book.all()) {
      if (r.status === 'pending' && now.getTime() >= Date.parse(r.remindAt)) out.push(reminder(r, services));
      // Expiry notes stay derivable for a week, so a crash between marking and queueing loses nothing.
      if (r.status === 'expired' && now.getTime() - Date.parse(r.expiresAt) < WEEK) out.push(expiryNote(r, services));
    }
    return out;
  },
};
