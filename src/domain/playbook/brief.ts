import { z } from 'zod';
import { METRICS } from '../metrics/metric.ts';
import { playbookSection } from './load.ts';

// What the daily brief shows; PLAYBOOK_FILE may override it under "brief",
// e.g. {"brief": {"metrics": ["gmv", "orders", "conversion"]}}.

export const briefRulesSchema = z.object({
  metrics: z
    .array(z.enum(METRICS.filter((m) => m !== 'top_skus') as [string, ...string[]]))
    .min(1, 'at least one metric')
    .max(8, 'at most eight metrics')
    .default(['gmv', 'orders', 'aov', 'refund_rate']),
});

export type BriefRules = z.infer<typeof briefRulesSchema>;

export const briefRules = (file: Record<string, unknown> = {}): BriefRules => playbookSection('brief', briefRulesSchema, file);
