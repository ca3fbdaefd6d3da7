import { capOf, type BudgetRules } from '../playbook/budgets.ts';
import { allocated, type MonthBudget } from './budget.ts';
import type { MonthFigures } from './figures.ts';
import { isFrozen, overspend } from './rules.ts';

// The `budget` view: per channel, budget, spend to date, pacing and ROI, with a
// red / yellow / green light and the reasons for it (as codes the chat layer words).

export type Light = 'red' | 'yellow' | 'green';

export type Reason =
  | { code: 'roi_low'; roi: number; min: number }
  | { code: 'over_budget'; over: number }
  | { code: 'no_budget' }
  | { code: 'ahead'; spendShare: number; elapsed: number }
  | { code: 'over_cap'; share: number; cap: number }
  | { code: 'frozen' }
  | { code: 'on_track' };

export interface ChannelStatus {
  channel: string;
  budget: number;
  spend: number;
  /** Budget share of the month's total. */
  share: number;
  /** Spend / budget; null without a budget. */
  spendShare: number | null;
  roi: number | null;
  light: Light;
  reasons: Reason[];
}

export interface BudgetStatus {
  month: string;
  total: number;
  allocated: number;
  reserve: number;
  totalSpend: number;
  elapsed: number;
  frozen: boolean;
  overspend: number;
  channels: ChannelStatus[];
}

export function budgetStatus(budget: MonthBudget, figures: MonthFigures, rules: BudgetRules): BudgetStatus {
  const frozen = isFrozen(budget, figures, rules);
  const names = [...new Set([...Object.keys(budget.channels), ...Object.keys(figures.spend)])].sort();
  const channels = names.map((channel): ChannelStatus => {
    const amount = budget.channels[channel] ?? 0;
    const spend = figures.spend[channel] ?? 0;
    const roi = figures.roi[channel] ?? null;
    const spendShare = amount > 0 ? spend / amount : null;
    const share = budget.total > 0 ? amount / budget.total : 0;
    const red: Reason[] = [];
    const yellow: Reason[] = [];
    if (roi !== null && roi < rules.minRoi) red.push({ code: 'roi_low', roi, min: rules.minRoi });
    if (amount === 0 && spend > 0) red.push({ code: 'no_budget' });
    else if (spendShare !== null && spendShare > 1 + rules.freezeOverspend) red.push({ code: 'over_budget', over: spendShare - 1 });
    else if (spendShare !== null && spendShare > figures.elapsed + rules.pacingTolerance) yellow.push({ code: 'ahead', spendShare, elapsed: figures.elapsed });
    if (share > capOf(rules, channel) + 1e-9) yellow.push({ code: 'over_cap', share, cap: capOf(rules, channel) });
    if (frozen && !rules.coreChannels.includes(channel)) yellow.push({ code: 'frozen' });
    const light: Light = red.length ? 'red' : yellow.length ? 'yellow' : 'green';
    const reasons = [...red, ...yellow];
    return { channel, budget: amount, spend, share, spendShare, roi, light, reasons: reasons.length ? reasons : [{ code: 'on_track' }] };
  });
  const alloc = allocated(budget.channels);
  return { month: budget.month, total: budget.total, allocated: alloc, reserve: budget.total - alloc, totalSpend: figures.totalSpend, elapsed: figures.elapsed, frozen, overspend: overspend(budget, figures), channels };
}
