import { capOf, type BudgetRules } from '../playbook/budgets.ts';
import { allocated, applyChange, grows, type BudgetChange, type MonthBudget } from './budget.ts';
import type { MonthFigures } from './figures.ts';

// The playbook's budget rules as pure checks. Violations are data; the chat layer words them.

export type Violation =
  | { rule: 'cap'; channel: string; share: number; cap: number }
  | { rule: 'reserve'; reserveShare: number; reserve: number }
  | { rule: 'roi'; channel: string; roi: number; min: number }
  | { rule: 'frozen'; channel: string; overspend: number; limit: number };

/** Caps per channel and the reserve, for an allocation of a month's total. */
export function checkAllocation(total: number, channels: Record<string, number>, rules: BudgetRules): Violation[] {
  const out: Violation[] = [];
  if (total <= 0) return out;
  for (const [channel, amount] of Object.entries(channels).sort()) {
    const share = amount / total;
    const cap = capOf(rules, channel);
    if (share > cap + 1e-9) out.push({ rule: 'cap', channel, share, cap });
  }
  const reserveShare = (total - allocated(channels)) / total;
  if (reserveShare < rules.reserve - 1e-9) out.push({ rule: 'reserve', reserveShare, reserve: rules.reserve });
  return out;
}

/** Month spend over the month budget by more than the playbook allows: non-core channels are frozen. */
export function overspend(budget: MonthBudget, figures: MonthFigures): number {
  return budget.total > 0 ? figures.totalSpend / budget.total - 1 : 0;
}

export const isFrozen = (budget: MonthBudget, figures: MonthFigures, rules: BudgetRules) => overspend(budget, figures) > rules.freezeOverspend + 1e-9;

export interface CheckedChange {
  before: Record<string, number>;
  after: Record<string, number>;
  /** Rules the change would break (new or made worse); approving it needs an override. */
  violations: Violation[];
}

export type ChangeCheck = ({ ok: true } & CheckedChange) | { ok: false; short: { channel: string; has: number } };

/**
 * Checks a change against the rules: caps and reserve on the new allocation (only those
 * it breaks or worsens), and, for a channel that grows, its ROI and the overspend freeze.
 */
export function checkChange(budget: MonthBudget, change: BudgetChange, figures: MonthFigures, rules: BudgetRules): ChangeCheck {
  const applied = applyChange(budget.channels, change);
  if (!applied.ok) return applied;
  const before = checkAllocation(budget.total, budget.channels, rules);
  const worse = checkAllocation(budget.total, applied.channels, rules).filter((v) => {
    const old = before.find((b) => b.rule === v.rule && (v.rule !== 'cap' || (b.rule === 'cap' && b.channel === v.channel)));
    if (!old) return true;
    return v.rule === 'cap' && old.rule === 'cap' ? v.share > old.share : v.rule === 'reserve' && old.rule === 'reserve' ? v.reserveShare < old.reserveShare : false;
  });
  const violations: Violation[] = [...worse];
  const frozen = isFrozen(budget, figures, rules);
  for (const channel of grows(change)) {
    const roi = figures.roi[channel];
    if (roi !== undefined && roi !== null && roi < rules.minRoi) violations.push({ rule: 'roi', channel, roi, min: rules.minRoi });
    if (frozen && !rules.coreChannels.includes(channel)) violations.push({ rule: 'frozen', channel, overspend: overspend(budget, figures), limit: rules.freezeOverspend });
  }
  return { ok: true, before: budget.channels, after: applied.channels, violations };
}
