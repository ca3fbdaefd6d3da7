import type { ApprovalRequest } from '../../domain/approvals/approval.ts';
import type { CampaignBook } from '../../domain/campaigns/campaign-book.ts';
import type { ApprovalKind } from '../approvals/approval-kind.ts';
import { problem } from '../../bot/errors.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';

// A large campaign waits for an ops_manager's approval in the thread (the generic approval
// flow); approving launches it at once. A rejected or expired request leaves it not launched.

export const CAMPAIGN_APPROVAL = 'coupon.campaign';

export const campaignApproval: ApprovalKind = {
  kind: CAMPAIGN_APPROVAL,
  async load(ctx, request) {
    const book = await ctx.services.books.campaigns();
    const id = Number(request.payload.campaign);
    const c = book.get(id);
    let launched = false;
    return {
      check() {
        if (!c || c.status !== 'awaiting_approval') {
          return { needsOverride: false, warnings: [], refuse: problem('campaign_gone', `活动 #${id} 已不在待审批状态，没有任何改动。`, `Campaign #${id} no longer awaits approval; nothing changed.`) };
        }
        return { needsOverride: false, warnings: [] };
      },
      apply(r: ApprovalRequest) {
        if (c && book.setStatus(c, 'active', r.decision!.by, new Date(r.decision!.at))) launched = true;
      },
      persist: () => book.save(),
      describe(lang: Lang) {
        const t = say(lang);
        return launched ? [text(t(`活动 #${id} 已启动，按计划发放。`, `Campaign #${id} is launched and will run as scheduled.`))] : [];
      },
    };
  },
};

/** Campaigns whose approval was rejected or ran out are marked so (the approval flow has no reject hook). */
export async function settleApprovals(services: Services): Promise<CampaignBook> {
  const book = await services.books.campaigns();
  const waiting = book.all().filter((c) => c.status === 'awaiting_approval' && c.approvalId !== undefined);
  if (waiting.length === 0) return book;
  const approvals = await services.books.approvals();
  const now = services.clock.now();
  let changed = false;
  for (const c of waiting) {
    const r = approvals.get(c.approvalId!);
    if (r && (r.status === 'rejected' || r.status === 'expired')) changed = book.setStatus(c, 'rejected', r.decision?.by ?? 'system', now) || changed;
  }
  if (changed) await book.save();
  return book;
}
