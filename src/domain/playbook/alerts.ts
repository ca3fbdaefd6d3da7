import { z } from 'zod';
import { hhmmSchema } from '../time-of-day.ts';
import { playbookSection } from './load.ts';

// The warning lines from the operating playbook; PLAYBOOK_FILE may override any of them under
// "alerts", e.g. {"alerts": {"refundRateAbove": 0.06, "anomalySigma": 4}}. Money is minor units.

const share = z.number().min(0, 'a share between 0 and 1').max(1, 'a share between 0 and 1');
const hhmm = hhmmSchema('22:00');

export const ANOMALY_METRICS = ['gmv', 'orders', 'aov', 'conversion', 'refund_rate', 'uv'] as const;

export const alertRulesSchema = z.object({
  /** A channel whose ROI over the last `roiDays` days is below this gets a pause proposal. */
  roiBelow: z.number().positive('a positive number like 1.5').default(1.5),
  roiDays: z.number().int().min(1).max(90).default(7),
  /** Spend below this over those days (minor units) is too little to judge a channel's ROI by. */
  roiMinSpend: z.number().int().nonnegative().default(100_000),
  /** A day's refund rate above this, store-wide or in one channel … */
  refundRateAbove: share.default(0.05),
  /** … on at least this much GMV that day, so one refund on a quiet channel pages nobody. */
  refundMinGmv: z.number().int().nonnegative().default(500_000),
  /** Conversion below its baseline this many days running is a level-1 warning. */
  conversionDays: z.number().int().min(1).max(14).default(3),
  /** "Below" means this share under the baseline: a day a hair under it is noise (half of all days are). */
  conversionTolerance: share.default(0.1),
  /** The baseline: the same weekday of this many previous weeks (as Lighthouse does). */
  baselineWeeks: z.number().int().min(2).max(12).default(4),
  /** A figure this many standard deviations from its baseline is an anomaly (normal-tail equivalent). */
  anomalySigma: z.number().min(1.5).max(10).default(3),
  anomalyMetrics: z.array(z.enum(ANOMALY_METRICS)).default([...ANOMALY_METRICS]),
  /** A channel whose baseline GMV per day is below this is not watched for anomalies. */
  anomalyMinGmv: z.number().int().nonnegative().default(300_000),
  /** KPI completion against its pace below these is red / yellow. */
  kpiRed: share.default(0.8),
  kpiYellow: share.default(0.9),
  /** Nothing is pushed between these store-local times; alerts wait for the morning. */
  quietStart: hhmm.default('22:00'),
  quietEnd: hhmmSchema('08:00').default('08:00'),
});

export type AlertRules = z.infer<typeof alertRulesSchema>;

export const alertRules = (file: Record<string, unknown> = {}): AlertRules => playbookSection('alerts', alertRulesSchema, file);
