import type { Segment } from '../members/rfm.ts';
import type { Tier } from '../members/tiers.ts';

// A coupon campaign as stored: who it goes to, when it runs, what the coupon is.
// Money is minor units; times are UTC ISO; a schedule's clock time is store-local.

export type Audience =
  | { kind: 'purchased'; daysAgo: number }
  | { kind: 'segment'; segment: Segment }
  | { kind: 'tier'; tier: Tier }
  | { kind: 'joined'; daysAgo: number }
  | { kind: 'all_linked' };

export type Schedule =
  /** Every day at `time` (store-local HH:MM). */
  | { kind: 'daily'; time: string }
  /** Once, at `at` (UTC ISO). */
  | { kind: 'once'; at: string };

export interface Coupon {
  /** As typed, e.g. `回购券 满200减30`. */
  name: string;
  /** Spend at least this (minor units)… */
  threshold: number;
  /** …to take this off (minor units). */
  discount: number;
  validDays: number;
}

export type CampaignStatus = 'awaiting_approval' | 'active' | 'paused' | 'cancelled' | 'rejected' | 'done';

export interface Campaign {
  id: number;
  coupon: Coupon;
  audience: Audience;
  schedule: Schedule;
  status: CampaignStatus;
  createdBy: string;
  createdAt: string;
  /** Where it was asked, for the approval and follow-ups. */
  conversation: string;
  thread?: string;
  lang: 'zh' | 'en';
  /** Daily slots before this instant are not run (launch or resume time). */
  runFrom: string;
  /** Store days (YYYY-MM-DD) whose run is built and queued. */
  doneSteps: string[];
  /** Built runs not yet seen complete in the outbox (checked on the next tick). */
  checkSteps?: string[];
  approvalId?: number;
  history: { at: string; by: string; action: string }[];
}

