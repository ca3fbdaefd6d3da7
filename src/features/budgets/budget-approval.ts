import type { ApprovalRequest } from '../../domain/approvals/approval.ts';
import { applyChange, budgetChangeSchema, type BudgetChange } from '../../domain/budgets/budget.ts';
import { checkChange } from '../../domain/budgets/rules.ts';
import { channelName } from '../shared/channels.ts';
import type { ApprovalKind } from '../approvals/approval-kind.ts';
import { problem } from '../../bot/errors.ts';
import { formatMoney } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { budgetScene } from './budget-context.ts';
import { changeTable, reserveLine } from './budget-card.ts';
import { violationText } from './budget-text.ts';

export const BUDGET_CHANGE = 'budget.change';

export const changeOf = (r: ApprovalRequest): BudgetChange => budgetChangeSchema.parse(r.payload.change);

/** A budget change request, plugged into the generic approval flow: re-checked against the budget as it is now, applied at once. */
export const budgetApproval: ApprovalKind = {
  kind: BUDGET_CHANGE,
  async load(ctx, request) {
    const change = changeOf(request);
    const scene = await budgetScene(ctx.services, change.month);
    const cur = ctx.services.store.currency;
    const check = () => checkChange(scene.budget, change, scene.figures, scene.rules);
    let applied: { before: Record<string, number>; after: Record<string, number> } | undefined;
    return {
      check() {
        const c = check();
        if (!c.ok) {
          const has = formatMoney(c.short.has, cur, 'zh');
          return { needsOverride: false, warnings: [], refuse: problem('short', `${channelName(c.short.channel, 'zh')}现在只有 ${has} 预算，无法执行 #${request.id}，没有任何改动。`, `${channelName(c.short.channel, 'en')} now has only ${formatMoney(c.short.has, cur, 'en')}; #${request.id} cannot be carried out and nothing changed.`) };
        }
        return { needsOverride: c.violations.length > 0, warnings: c.violations.map((v) => violationText(v, ctx.lang)) };
      },
      apply(r) {
        const next = applyChange(scene.budget.channels, change);
        if (!next.ok) throw new Error(`budget change #${r.id} no longer applies`);
        applied = { before: { ...scene.budget.channels }, after: next.channels };
        scene.book.applyApproved(change, next.channels, r.decision!.by, r.decision!.at, r.id);
      },
      persist: () => scene.book.save(),
      describe(lang: Lang) {
        const t = say(lang);
        if (!applied) return [text(t('预算未改动。', 'The budget is unchanged.'), 'muted')];
        const was = { ...scene, budget: { ...scene.budget, channels: applied.before } };
        return [text(t('预算已更新：', 'Budget updated:')), changeTable(was, change, applied.after, lang, cur), reserveLine(scene, applied.after, lang, cur)];
      },
    };
  },
};
