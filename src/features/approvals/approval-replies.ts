import type { ApprovalRequest } from '../../domain/approvals/approval.ts';
import type { Calendar } from '../../domain/calendar.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { text, type Block } from '../../chat/reply.ts';
import { at } from './approval-kind.ts';

// The generic lines of an approval: its status, who decided, when it expires.

export const when = (iso: string, cal: Calendar) => cal.formatTime(Date.parse(iso));

export function statusLine(r: ApprovalRequest, lang: Lang, cal: Calendar): string {
  const t = say(lang);
  const d = r.decision;
  if (r.status === 'expired') return t(`#${r.id} 已于 ${when(r.expiresAt, cal)} 过期，未做决定，没有任何改动。`, `#${r.id} expired at ${when(r.expiresAt, cal)} without a decision; nothing changed.`);
  if (!d) return t(`#${r.id} 待审批，${when(r.expiresAt, cal)} 过期。`, `#${r.id} awaits a decision; it expires at ${when(r.expiresAt, cal)}.`);
  const why = d.reason ? t(`，理由：${d.reason}`, `: ${d.reason}`) : '';
  if (d.verdict === 'approved') {
    return d.override
      ? t(`#${r.id} 已由 ${at(d.by)} 于 ${when(d.at, cal)} 破例批准${why}`, `#${r.id} approved with an override by ${at(d.by)} at ${when(d.at, cal)}${why}`)
      : t(`#${r.id} 已由 ${at(d.by)} 于 ${when(d.at, cal)} 批准${why}`, `#${r.id} approved by ${at(d.by)} at ${when(d.at, cal)}${why}`);
  }
  return t(`#${r.id} 已由 ${at(d.by)} 于 ${when(d.at, cal)} 驳回${why}`, `#${r.id} rejected by ${at(d.by)} at ${when(d.at, cal)}${why}`);
}

/** The Approve / Reject buttons (numbered choices on WeChat and the console). */
export function decisionChoices(r: ApprovalRequest, lang: Lang): Block {
  const t = say(lang);
  return {
    type: 'choices',
    prompt: t(`审批 #${r.id}：`, `Decide #${r.id}:`),
    ref: `#${r.id}`,
    choices: [
      { label: t('批准', 'Approve'), action: { id: 'approve', value: String(r.id) }, style: 'primary' },
      { label: t('驳回', 'Reject'), action: { id: 'reject', value: String(r.id) }, style: 'danger' },
    ],
  };
}

export const requestHeading = (r: ApprovalRequest, lang: Lang): Block => text(`#${r.id} ${r.subject[lang]}`, 'heading');
