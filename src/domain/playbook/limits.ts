import { z } from 'zod';
import { playbookSection } from './load.ts';

// Hard edges for what people type: an amount or a date beyond these is a typo (or a probe), never a
// plan. PLAYBOOK_FILE may override them under "limits", e.g. {"limits": {"maxAmount": 500000000}}.
// Money is minor units of the store's currency (fen): 1000000000 = ¥10,000,000.

export const limitRulesSchema = z.object({
  /** The largest amount any chat command accepts: a coupon's threshold or face value, a budget, a request. */
  maxAmount: z.number().int('a whole number of fen like 1000000000 (¥10,000,000)').positive('a positive amount in fen like 1000000000 (¥10,000,000)').max(Number.MAX_SAFE_INTEGER).default(1_000_000_000),
  /** How far ahead a date may be set (a campaign send, a checklist's event day, a budget month), in years. */
  maxYearsAhead: z.number().int('a whole number of years like 3').min(1, 'at least 1 year').max(20, 'at most 20 years').default(3),
});

export type LimitRules = z.infer<typeof limitRulesSchema>;

export const defaultLimitRules = (): LimitRules => limitRulesSchema.parse({});

/** The limits in force: playbook defaults with the PLAYBOOK_FILE overrides. */
export const limitRules = (file: Record<string, unknown> = {}): LimitRules => playbookSection('limits', limitRulesSchema, file);
