import { z } from 'zod';
import { playbookSection } from './load.ts';

// The budget rules from the operating playbook; PLAYBOOK_FILE may override any of them
// under "budgets", e.g. {"budgets": {"caps": {"douyin": 0.3}, "minRoi": 1.2}}.

const share = z.number({ error: 'a share between 0 and 1, like 0.25' }).min(0, 'a share between 0 and 1').max(1, 'a share between 0 and 1');

export const budgetRulesSchema = z.object({
  /** Largest share of the month's total one channel may hold, by channel. */
  caps: z.record(z.string(), share).default({ douyin: 0.25, xiaohongshu: 0.2 }),
  /** Cap for any channel not named in `caps`. */
  otherCap: share.default(0.15),
  /** Share of the month's total kept unallocated. */
  reserve: share.default(0.1),
  /** Below this ROI (GMV / spend) the bot proposes pausing the channel. */
  minRoi: z.number().positive('a positive number like 1.5').default(1.5),
  /** Month spend above the month budget by more than this share freezes non-core channels. */
  freezeOverspend: share.default(0.1),
  /** Channels that stay open when the rest are frozen. */
  coreChannels: z.array(z.string()).default(['tmall', 'jd']),
  /** How far spend share may run ahead of the elapsed share of the month before a yellow light. */
  pacingTolerance: share.default(0.1),
  /** A change request expires after this many hours; managers are reminded halfway. */
  approvalHours: z.number().positive('a number of hours like 48').max(24 * 31, 'at most 744 hours').default(48),
});

export type BudgetRules = z.infer<typeof budgetRulesSchema>;

export const defaultBudgetRules = (): BudgetRules => budgetRulesSchema.parse({});

/** The rules in force: playbook defaults with the PLAYBOOK_FILE overrides. */
export const budgetRules = (file: Record<string, unknown> = {}): BudgetRules => playbookSection('budgets', budgetRulesSchema, file);

export const capOf = (rules: BudgetRules, channel: string) => rules.caps[channel] ?? rules.otherCap;
