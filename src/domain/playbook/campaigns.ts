import { z } from 'zod';
import { hhmmSchema } from '../time-of-day.ts';
import { playbookSection } from './load.ts';

// Coupon campaign rules from the operating playbook; PLAYBOOK_FILE may override any of them
// under "campaigns", e.g. {"campaigns": {"monthlyCap": 3, "holdoutShare": 0.05}}.
// Money is minor units (fen): 1000000 = ¥10,000.

const hhmm = hhmmSchema('22:00');
const share = z.number().min(0, 'a share between 0 and 1').max(1, 'a share between 0 and 1');

export const campaignRulesSchema = z.object({
  /** Coupon codes start with this, e.g. RB-C7K2Q9M. */
  codePrefix: z.string().regex(/^[A-Z0-9]{1,6}$/, 'one to six capital letters or digits like RB').default('RB'),
  /** Pushes per member per calendar month (store time), across all campaigns. */
  monthlyCap: z.number().int().positive('a whole number like 4').default(4),
  /** Quiet hours (store time): a push falling inside waits for quietEnd. */
  quietStart: hhmm.default('22:00'),
  quietEnd: hhmm.default('08:00'),
  /** Share of the reachable audience kept back (not pushed) to measure the lift. */
  holdoutShare: share.default(0.1),
  /** Assumed share of pushed coupons redeemed, for the estimated cost before confirming. */
  redemptionRate: share.default(0.15),
  /** A run whose coupon face value (pushed × discount) is above this needs an ops_manager approval. */
  approvalAbove: z.number().int().nonnegative('an amount in fen like 1000000 (¥10,000)').default(1_000_000),
  /** Defaults for a schedule that leaves them out. */
  validDays: z.number().int().positive().default(14),
  purchasedDaysAgo: z.number().int().positive().default(7),
  /** How long the preview waits for 确认 / confirm, and the approval for a decision. */
  confirmMinutes: z.number().positive().default(10),
  approvalHours: z.number().positive().max(24 * 31).default(24),
});

export type CampaignRules = z.infer<typeof campaignRulesSchema>;

export const defaultCampaignRules = (): CampaignRules => campaignRulesSchema.parse({});

/** The rules in force: playbook defaults with the PLAYBOOK_FILE overrides. */
export const campaignRules = (file: Record<string, unknown> = {}): CampaignRules => playbookSection('campaigns', campaignRulesSchema, file);
