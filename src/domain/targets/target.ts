import { z } from 'zod';

// A month's KPI targets, per metric and optionally per channel, as ops managers set them.
// Money is minor units (fen); counts are whole numbers.

export const TARGET_METRICS = ['gmv', 'orders', 'buyers', 'new_buyers'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const targetSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-11'),
  metric: z.enum(TARGET_METRICS),
  channel: z.string().min(1).max(40).optional(),
  target: z.number().int().positive('a target above zero').max(1e13, 'a target below 100,000,000,000'),
  setBy: z.string(),
  setAt: z.string(),
});

export type Target = z.infer<typeof targetSchema>;

export const targetId = (t: Pick<Target, 'metric' | 'channel'>) => `${t.metric}:${t.channel ?? '*'}`;
