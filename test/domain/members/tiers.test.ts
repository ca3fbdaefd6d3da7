import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../src/domain/calendar.ts';
import { computeMemberStats } from '../../../src/domain/members/member-stats.ts';
import { enterTier, keepTier, nextTier, planTiers, reviewDayOn, TierBook, TIERS } from '../../../src/domain/members/tiers.ts';
import { defaultMemberRules } from '../../../src/domain/playbook/members.ts';
import { paid, storeWith } from './member-store.ts';

const rules = defaultMemberRules();
const day = (s: string) => parseDay(s)!;
const [MEMBER, SILVER, GOLD, BLACK] = [0, 1, 2, 3];

describe('tier thresholds', () => {
  it('enters a tier exactly at its enter spend, not a fen below', () => {
    expect(enterTier(100_000, rules)).toBe(SILVER);
    expect(enterTier(99_999, rules)).toBe(MEMBER);
    expect(enterTier(500_000, rules)).toBe(GOLD);
    expect(enterTier(499_999, rules)).toBe(SILVER);
    expect(enterTier(2_000_000, rules)).toBe(BLACK);
    expect(enterTier(1_999_999, rules)).toBe(GOLD);
  });

  it('keeps a tier exactly at its keep spend', () => {
    expect(keepTier(80_000, rules)).toBe(SILVER);
    expect(keepTier(79_999, rules)).toBe(MEMBER);
    expect(keepTier(400_000, rules)).toBe(GOLD);
    expect(keepTier(1_600_000, rules)).toBe(BLACK);
    expect(keepTier(1_599_999, rules)).toBe(GOLD);
  });

  it('upgrades at once, also outside a review', () => {
    expect(nextTier(MEMBER, 500_000, rules, false)).toBe(GOLD);
    expect(nextTier(SILVER, 2_000_000, rules, false)).toBe(BLACK);
  });

  it('never downgrades outside a review, however low the spend', () => {
    expect(nextTier(BLACK, 0, rules, false)).toBe(BLACK);
    expect(nextTier(GOLD, 399_999, rules, false)).toBe(GOLD);
  });

  it('at a review keeps a tier between keep and enter, and drops below keep to the tier kept', () => {
    expect(nextTier(GOLD, 400_000, rules, true)).toBe(GOLD);
    expect(nextTier(GOLD, 399_999, rules, true)).toBe(SILVER);
    expect(nextTier(SILVER, 80_000, rules, true)).toBe(SILVER);
    expect(nextTier(SILVER, 79_999, rules, true)).toBe(MEMBER);
    expect(nextTier(BLACK, 10, rules, true)).toBe(MEMBER);
    // A member between silver's keep and enter spend does not enter silver by keeping.
    expect(nextTier(MEMBER, 90_000, rules, true)).toBe(MEMBER);
  });

  it('finds the latest review date on or before a day', () => {
    expect(reviewDayOn(day('2026-07-01'), rules.reviewDates)).toBe(day('2026-07-01'));
    expect(reviewDayOn(day('2026-06-30'), rules.reviewDates)).toBe(day('2026-01-01'));
    expect(reviewDayOn(day('2026-01-01'), rules.reviewDates)).toBe(day('2026-01-01'));
    expect(reviewDayOn(day('2025-12-31'), rules.reviewDates)).toBe(day('2025-07-01'));
  });
});

describe('trailing 12-month spend', () => {
  it('counts paid orders of the last 365 store days, net of refunds, and nothing older or unpaid', async () => {
    const { data } = await storeWith([
      paid('a', '2026-11-27', 50_000),
      paid('a', '2025-11-28', 30_000), // 364 days before: inside
      paid('a', '2025-11-27', 70_000), // 365 days before: outside
      paid('a', '2026-05-01', 40_000, { refunded: 10_000 }),
      paid('a', '2026-05-02', 99_000, { status: 'cancelled' }),
    ]);
    const stats = computeMemberStats(data, day('2026-11-27'), { spendDays: 365, rfmDays: 365 });
    const a = data.book.customers.find('a')!;
    expect(stats.spend[a]).toBe(50_000 + 30_000 + 30_000);
    expect(stats.firstPaid[a]).toBe(day('2025-11-27'));
    expect(stats.lastPaid[a]).toBe(day('2026-11-27'));
  });
});

describe('stored tiers and the review', () => {
  it('upgrades at once, waits with the downgrade until the next review date, then applies it', async () => {
    const { data, docs } = await storeWith([paid('gina', '2026-01-10', 500_000), paid('sam', '2026-01-10', 100_000)]);
    const book = await TierBook.open(docs);
    const run = async (date: string) => {
      const stats = computeMemberStats(data, day(date), { spendDays: 365, rfmDays: 365 });
      const plan = planTiers(stats, book.codes(data.book), rules, book.lastReview());
      await book.apply(plan, data.book, new Date(`${date}T10:00:00+08:00`));
      return plan;
    };
    const first = await run('2026-01-10');
    expect(first.up).toBe(2);
    expect(book.tierOf('gina')).toBe('gold');
    expect(book.tierOf('sam')).toBe('silver');
    // A year later the spend has left the window, but no review has passed since July 1: nothing drops.
    const midPeriod = await run('2026-06-30');
    expect(midPeriod.review).toBe(false);
    expect(book.tierOf('gina')).toBe('gold');
    const late = await run('2027-01-11');
    expect(late.review).toBe(true);
    expect(late.down).toBe(2);
    expect(book.tierOf('gina')).toBe('member');
    expect(late.byTier.member.after).toBe(2);
    // Once applied, the same review does not run again.
    const again = await run('2027-02-01');
    expect(again.review).toBe(false);
  });

  it('counts moves per tier in the plan', async () => {
    const { data } = await storeWith([paid('a', '2026-11-01', 2_000_000), paid('b', '2026-11-01', 100_000), paid('c', '2026-11-01', 10)]);
    const stats = computeMemberStats(data, day('2026-11-27'), { spendDays: 365, rfmDays: 365 });
    const plan = planTiers(stats, new Uint8Array(stats.customers), rules, day('2026-07-01'));
    expect(plan.up).toBe(2);
    expect(plan.stay).toBe(1);
    expect(TIERS.map((t) => plan.byTier[t].after)).toEqual([1, 1, 0, 1]);
    expect([...plan.upgraded].map((c) => data.book.customers.names[c]).sort()).toEqual(['a', 'b']);
  });
});
