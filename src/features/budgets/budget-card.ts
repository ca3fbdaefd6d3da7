import type { ApprovalRequest } from '../../domain/approvals/approval.ts';
import type { Calendar } from '../../domain/calendar.ts';
import type { BudgetChange } from '../../domain/budgets/budget.ts';
import type { Violation } from '../../domain/budgets/rules.ts';
import { capOf } from '../../domain/playbook/budgets.ts';
import { at } from '../approvals/approval-kind.ts';
import { decisionChoices, requestHeading, when } from '../approvals/approval-replies.ts';
import { channelName } from '../shared/channels.ts';
import { formatMoney } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { text, type Block } from '../../chat/reply.ts';
import type { BudgetScene } from './budget-context.ts';
import { changeText, pct, violationText } from './budget-text.ts';

// The approval card for a budget change: what changes, the new shares against their
// caps, the channel's ROI and pacing, and any broken rule as a warning block.

export function changeTable(scene: BudgetScene, change: BudgetChange, after: Record<string, number>, lang: Lang, currency: string): Block {
  const t = say(lang);
  const { budget, figures, rules } = scene;
  const touched = change.kind === 'move' ? [change.from, change.channel] : [change.channel];
  return {
    type: 'table',
    columns: [
      { title: t('渠道', 'Channel'), align: 'left' },
      { title: t('现预算', 'Now'), align: 'right' },
      { title: t('调整后', 'After'), align: 'right' },
      { title: t('占比/上限', 'Share / cap'), align: 'right' },
      { title: 'ROI', align: 'right' },
      { title: t('花费进度', 'Pacing'), align: 'right' },
    ],
    rows: touched.map((ch) => {
      const now = budget.channels[ch] ?? 0;
      const next = after[ch] ?? 0;
      const spend = figures.spend[ch] ?? 0;
      const roi = figures.roi[ch];
      return [
        channelName(ch, lang),
        formatMoney(now, currency, lang),
        formatMoney(next, currency, lang),
        `${pct(next / budget.total)} / ${pct(capOf(rules, ch))}`,
        roi === undefined || roi === null ? '—' : roi.toFixed(2),
        now > 0 ? `${pct(spend / now)} / ${pct(figures.elapsed)}` : '—',
      ];
    }),
  };
}

export function reserveLine(scene: BudgetScene, after: Record<string, number>, lang: Lang, currency: string): Block {
  const left = scene.budget.total - Object.values(after).reduce((a, b) => a + b, 0);
  return text(say(lang)(`调整后预留 ${formatMoney(left, currency, lang)}（${pct(left / scene.budget.total)}，要求 ≥ ${pct(scene.rules.reserve)}）`, `Reserve after: ${formatMoney(left, currency, lang)} (${pct(left / scene.budget.total)}; at least ${pct(scene.rules.reserve)} kept)`), 'muted');
}

export function warningBlocks(violations: Violation[], id: number, lang: Lang): Block[] {
  const t = say(lang);
  if (!violations.length) return [];
  return [
    ...violations.map((v) => text(t(`违反规则：${violationText(v, 'zh')}`, `Breaks a rule: ${violationText(v, 'en')}`), 'warning')),
    text(t(`批准需破例并写明理由：批准 ${id} 破例 <理由>`, `Approving needs an override with a reason: approve ${id} override <reason>`), 'warning'),
  ];
}

export function budgetCard(r: ApprovalRequest, scene: BudgetScene, change: BudgetChange, after: Record<string, number>, violations: Violation[], managers: string[], lang: Lang, currency: string, why?: string): Block[] {
  const t = say(lang);
  const asks = t(`${at(r.requester)} 申请：${changeText(change, currency, 'zh')}${why ? `，用于 ${why}` : ''}`, `${at(r.requester)} asks: ${changeText(change, currency, 'en')}${why ? ` for ${why}` : ''}`);
  const who = managers.length ? managers.map(at).join(' ') : t('（还没有运营经理，请管理员 grant）', '(no ops manager yet: an admin can grant the role)');
  return [
    requestHeading(r, lang),
    text(asks),
    changeTable(scene, change, after, lang, currency),
    reserveLine(scene, after, lang, currency),
    ...warningBlocks(violations, r.id, lang),
    text(t(`请审批：${who}`, `Please decide: ${who}`)),
    decisionChoices(r, lang),
  ];
}

export const expiryContext = (r: ApprovalRequest, lang: Lang, cal: Calendar): Block => ({
  type: 'context',
  text: say(lang)(`申请 #${r.id} 将于 ${when(r.expiresAt, cal)} 过期；只有不是申请人的运营经理可以审批。`, `Request #${r.id} expires at ${when(r.expiresAt, cal)}; only an ops manager other than the requester can decide.`),
});
