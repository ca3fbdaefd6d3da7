import { z } from 'zod';
import type { ApprovalBook } from '../../domain/approvals/approval-book.ts';
import type { ApprovalRequest } from '../../domain/approvals/approval.ts';
import { roleName } from '../../bot/role-names.ts';
import { BotError, problem } from '../../bot/errors.ts';
import { text, type Reply } from '../../chat/reply.ts';
import { defineCommand, type CommandContext } from '../../bot/spec.ts';
import { auditPrefix, type ApprovalKind, type LoadedApproval } from './approval-kind.ts';
import { requestHeading, statusLine } from './approval-replies.ts';

// `approve 12`, `approve 12 override <reason>`, `reject 12 <reason>` / 批准 12, 驳回 12 …:
// typed forms and button presses. The first decision wins; later ones hear who decided.

const args = z.object({ id: z.number().int().positive('a request number like 12'), override: z.boolean(), reason: z.string().max(500).optional() });
const OVERRIDE = /^(override|破例|强制)(?=[\s:：]|$)[:：]?\s*/i;

function readDecision(rest: string) {
  const m = /^#?(\d{1,9})\s*(.*)$/s.exec(rest.trim());
  if (!m) return { id: 0, override: false };
  let tail = m[2].trim();
  const override = OVERRIDE.test(tail);
  if (override) tail = tail.replace(OVERRIDE, '');
  tail = tail.replace(/^(because|reason|理由|原因)[:：]?\s*/i, '').trim();
  return { id: Number(m[1]), override, ...(tail ? { reason: tail } : {}) };
}

async function decide(ctx: CommandContext, a: z.infer<typeof args>, verdict: 'approved' | 'rejected', kinds: ApprovalKind[]): Promise<Reply> {
  const book = await ctx.services.books.approvals();
  const request = book.get(a.id);
  if (!request) throw problem('unknown_request', `没有 #${a.id} 这个申请。`, `There is no request #${a.id}.`, { zh: '批准 12', en: 'approve 12' });
  // A button press with no language hint answers in the language of the card it sat on.
  const lang = ctx.incoming.action && !ctx.incoming.lang ? request.lang : ctx.lang;
  try {
    return await decideOn({ ...ctx, lang }, a, verdict, book, request, kinds);
  } catch (err) {
    if (!(err instanceof BotError) || lang === ctx.lang) throw err;
    const blocks = [text(err.text[lang], 'warning')];
    if (err.example) blocks.push(text(lang === 'zh' ? `例如：${err.example.zh}` : `For example: ${err.example.en}`, 'muted'));
    return { lang, blocks, data: { error: err.code, message: err.text[lang] } };
  }
}

async function decideOn(ctx: CommandContext, a: z.infer<typeof args>, verdict: 'approved' | 'rejected', book: ApprovalBook, request: ApprovalRequest, kinds: ApprovalKind[]): Promise<Reply> {
  const { services, incoming, lang } = ctx;
  const now = services.clock.now();
  const kind = kinds.find((k) => k.kind === request.kind);
  // Loading may await; everything after it up to the write is synchronous.
  const loaded: LoadedApproval | undefined = request.status === 'pending' && kind ? await kind.load(ctx, request) : undefined;
  // The rule check the decision is taken on, kept: once `apply` has run, checking again would
  // measure the change on top of itself (the audit once said 40.0 % where the card said 30.0 %).
  let checked: ReturnType<LoadedApproval['check']> | undefined;
  const outcome = book.decide(a.id, { user: incoming.user, roles: ctx.roles, verdict, reason: a.reason, override: a.override }, now, {
    check: () => (checked = loaded?.check()) ?? { needsOverride: request.needsOverride },
    apply: (r) => loaded?.apply(r),
  });
  const prefix = auditPrefix(request.kind);
  const base = { conversation: incoming.conversation, data: { requestId: request.id, approvalKind: request.kind, payload: request.payload } };
  switch (outcome.result) {
    case 'unknown':
      throw problem('unknown_request', `没有 #${a.id} 这个申请。`, `There is no request #${a.id}.`);
    case 'closed':
      return { lang, blocks: [text(statusLine(outcome.request, lang, services.calendar), 'muted')], ephemeral: true, data: { error: 'closed', status: outcome.request.status, decision: outcome.request.decision } };
    case 'expired':
      await book.save();
      await services.audit.record({ ...base, kind: `${prefix}.expire`, user: 'system', summary: `#${request.id} expired undecided (${request.subject.en})` });
      return { lang, blocks: [text(statusLine(outcome.request, lang, services.calendar), 'warning')], data: { error: 'expired' } };
    case 'forbidden':
      throw problem('forbidden', `只有${roleName(request.approverRole, 'zh')}可以审批 #${a.id}。`, `Only an ${roleName(request.approverRole, 'en')} can decide #${a.id}.`);
    case 'self':
      throw problem('self_approval', `#${a.id} 是你自己提的申请，需要另一位${roleName(request.approverRole, 'zh')}来审批。`, `You asked for #${a.id} yourself; another ${roleName(request.approverRole, 'en')} must decide it.`);
    case 'needs_reason':
      throw problem('override_reason', '破例批准需要写明理由。', 'An override needs a reason.', { zh: `批准 ${a.id} 破例 双11关键流量`, en: `approve ${a.id} override Double 11 traffic is key` });
    case 'needs_override': {
      const warnings = checked?.warnings ?? [];
      throw problem('needs_override', `#${a.id} 违反规则：${warnings.join('；') || '见申请卡片'}。如确需批准，请写明破例理由：`, `#${a.id} breaks a rule: ${warnings.join('; ') || 'see the request card'}. To approve it anyway, give an override reason:`, { zh: `批准 ${a.id} 破例 双11关键流量`, en: `approve ${a.id} override Double 11 traffic is key` });
    }
    case 'refused':
      if (outcome.why instanceof BotError) throw outcome.why;
      throw problem('refused', `#${a.id} 现在无法执行。`, `#${a.id} can no longer be carried out.`);
    case 'decided': {
      await book.save();
      if (verdict === 'approved') await loaded?.persist();
      const d = outcome.request.decision!;
      await services.audit.record({ ...base, kind: `${prefix}.${verdict === 'approved' ? 'approve' : 'reject'}`, user: incoming.user, summary: `#${request.id} ${verdict} by ${incoming.user}${d.reason ? `: ${d.reason}` : ''} (${request.subject.en})`, data: { ...base.data, reason: d.reason ?? null, override: !!d.override } });
      if (d.override) await services.audit.record({ ...base, kind: `${prefix}.override`, user: incoming.user, summary: `#${request.id} approved despite: ${(checked?.warnings ?? []).join('; ') || 'a broken rule'} — ${d.reason}`, data: { ...base.data, reason: d.reason } });
      return {
        lang,
        blocks: [requestHeading(outcome.request, lang), text(statusLine(outcome.request, lang, services.calendar)), ...(loaded?.describe(lang) ?? [])],
        mentions: [request.requester],
        replaceOriginal: !!incoming.action,
        summary: statusLine(outcome.request, lang, services.calendar),
        data: { request: outcome.request },
      };
    }
  }
}

const hints = (verb: string, zh: string) => ({ zh: [`${zh} 12`, `${zh} 12 破例 双11关键流量`], en: [`${verb} 12`, `${verb} 12 override Double 11 traffic is key`] });

/** `kinds`: every feature's approval kinds (the features list gathers them). */
export const approveCommand = (kinds: ApprovalKind[]) =>
  defineCommand({
    id: 'approve',
    phrases: { zh: ['批准', '同意'], en: ['approve'] },
    summary: { zh: '批准申请', en: 'Approve a request' },
    examples: hints('approve', '批准'),
    role: 'staff',
    hidden: true,
    args,
    parse: readDecision,
    handle: (ctx, a) => decide(ctx, a, 'approved', kinds),
  });

export const rejectCommand = (kinds: ApprovalKind[]) =>
  defineCommand({
    id: 'reject',
    phrases: { zh: ['驳回', '拒绝'], en: ['reject'] },
    summary: { zh: '驳回申请', en: 'Reject a request' },
    examples: { zh: ['驳回 12 ROI太低'], en: ['reject 12 ROI too low'] },
    role: 'staff',
    hidden: true,
    args,
    parse: (rest) => ({ ...readDecision(rest), override: false }),
    handle: (ctx, a) => decide(ctx, a, 'rejected', kinds),
  });

