import type { Day } from '../calendar.ts';
import type { MemberRules } from '../playbook/members.ts';
import type { StoreData } from '../store-data.ts';
import { computeMemberStats, type MemberStats } from './member-stats.ts';
import { scoreRfm, type RfmResult } from './rfm.ts';
import { planTiers, type TierPlan } from './tiers.ts';

// Stats, tier plan and RFM for every customer in one call: what `tiers run`, `segments`,
// `member …` and the bench use.
//
//   const tierBook = await TierBook.open(docs);
//   const ev = evaluateMembers(data, today, rules, tierBook.codes(data.book), tierBook.lastReview());

export interface MemberEvaluation {
  stats: MemberStats;
  plan: TierPlan;
  rfm: RfmResult;
}

export function evaluateMembers(data: StoreData, today: Day, rules: MemberRules, storedTiers: Uint8Array, lastReview: Day | undefined): MemberEvaluation {
  const stats = computeMemberStats(data, today, { spendDays: rules.spendDays, rfmDays: rules.rfm.windowDays });
  return { stats, plan: planTiers(stats, storedTiers, rules, lastReview), rfm: scoreRfm(stats, rules.rfm) };
}
