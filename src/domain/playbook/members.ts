import { z } from 'zod';
import { hhmmSchema } from '../time-of-day.ts';
import { playbookSection } from './load.ts';

// Member tiers and RFM segments from the operating playbook. PLAYBOOK_FILE may override
// any of it under "members", e.g.
// {"members": {"tiers": {"gold": {"enter": 600000, "keep": 480000}}, "reviewDates": ["01-01"]}}.
// Money is minor units (fen): 100000 = ¥1,000.

const tierRule = (enter: number, keep: number, zh: string, en: string) =>
  z
    .object({
      enter: z.number().int().positive('an amount in fen like 100000 (¥1,000)').default(enter),
      keep: z.number().int().positive('an amount in fen like 80000 (¥800)').default(keep),
      benefits: z.object({ zh: z.string().min(1).default(zh), en: z.string().min(1).default(en) }).default({ zh, en }),
    })
    .refine((t) => t.keep <= t.enter, 'a keep threshold at or below the enter threshold')
    .prefault({});

const hhmm = hhmmSchema('08:00');
const mmdd = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month-day like 01-01');
/** Ascending breakpoints; a score counts how many are passed. */
const breakpoints = z.array(z.number().nonnegative()).length(4, 'four breakpoints like [30, 60, 90, 180]');

export const memberRulesSchema = z
  .object({
    tiers: z
      .object({
        silver: tierRule(100_000, 80_000, '生日礼券、9.5折会员价', 'birthday coupon and 5% member price'),
        gold: tierRule(500_000, 400_000, '9折会员价、每月包邮券、新品优先试用', '10% member price, monthly free-shipping coupon, early new-product trials'),
        black: tierRule(2_000_000, 1_600_000, '8.5折会员价、专属客服、新品首发邀请、生日礼盒', '15% member price, personal service, launch invitations, birthday gift box'),
      })
      .prefault({}),
    /** Trailing window of paid spend that decides the tier (days, ending today). */
    spendDays: z.number().int().positive('a number of days like 365').default(365),
    /** Retention reviews (store-local month-day): downgrades happen only at these. */
    reviewDates: z.array(mmdd).min(1, 'at least one date like 01-01').default(['01-01', '07-01']),
    rfm: z
      .object({
        /** Frequency and monetary count paid orders in this trailing window. */
        windowDays: z.number().int().positive('a number of days like 365').default(365),
        /** Days since the last purchase for R = 5, 4, 3, 2 (more days: 1). */
        recencyDays: breakpoints.default([30, 60, 90, 180]),
        /** 'quintile' (cut at the 20/40/60/80th percentile of buyers in the window) or four ascending minimums for 2..5. */
        frequency: z.union([z.literal('quintile'), breakpoints]).default('quintile'),
        monetary: z.union([z.literal('quintile'), breakpoints]).default('quintile'),
        /** M score from which a buyer is high value; at or below lowValueScore is low value. */
        highValueScore: z.number().int().min(2).max(5).default(4),
        lowValueScore: z.number().int().min(1).max(4).default(2),
        /** No purchase for this many days: sleeping (or high value & dormant). */
        sleepingDays: z.number().int().positive().default(90),
        /** First purchase within this many days: new. */
        newDays: z.number().int().positive().default(30),
      })
      .prefault({}),
    /** Member messages (upgrade congratulations) wait for the morning inside these store-local hours. */
    quietHours: z.object({ from: hhmm, to: hhmm }).default({ from: '22:00', to: '08:00' }),
    /** Member look-ups (`member 138…`) one person may make in any hour: enough for a shift, too few to probe numbers. */
    lookupsPerHour: z.number().int().positive('a whole number like 30').max(10_000, 'at most 10000').default(30),
    /** How long a `tiers run` preview waits for 确认 / confirm. */
    confirmMinutes: z.number().positive().default(10),
  })
  .refine((r) => r.tiers.silver.enter < r.tiers.gold.enter && r.tiers.gold.enter < r.tiers.black.enter, 'enter thresholds rising from silver to gold to black');

export type MemberRules = z.infer<typeof memberRulesSchema>;

export const defaultMemberRules = (): MemberRules => memberRulesSchema.parse({});

/** The rules in force: playbook defaults with the PLAYBOOK_FILE overrides. */
export const memberRules = (file: Record<string, unknown> = {}): MemberRules => playbookSection('members', memberRulesSchema, file);
