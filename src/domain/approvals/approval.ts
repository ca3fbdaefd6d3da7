import type { Role } from '../roles.ts';

// A generic approval: something a person asked for that a holder of another role must
// approve or reject, once, within a time limit. Features (budget changes, large coupon
// campaigns) keep their specifics in `payload` and word the card themselves.

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired';

export interface Decision {
  verdict: 'approved' | 'rejected';
  /** Qualified user id. */
  by: string;
  /** UTC ISO. */
  at: string;
  reason?: string;
  /** Approved although it breaks a rule. */
  override?: boolean;
}

export interface ApprovalRequest {
  /** Short sequential number people type: `approve 12`, shown as #12. */
  id: number;
  /** What it is, e.g. `budget.change`, `coupon.campaign`. */
  kind: string;
  /** One line naming what would change, in both languages. */
  subject: { zh: string; en: string };
  requester: string;
  /** Where it was asked; notices about it go to this thread. */
  conversation: string;
  thread?: string;
  lang: 'zh' | 'en';
  /** The role a decider must hold. */
  approverRole: Role;
  /** UTC ISO times. */
  createdAt: string;
  remindAt: string;
  expiresAt: string;
  status: ApprovalStatus;
  /** It broke a rule when asked: approving needs an override with a reason. */
  needsOverride: boolean;
  payload: Record<string, unknown>;
  decision?: Decision;
  expiredAt?: string;
}

/** What a feature supplies to open a request; the book fills in id, times and status. */
export type NewApproval = Pick<ApprovalRequest, 'kind' | 'subject' | 'requester' | 'conversation' | 'thread' | 'lang' | 'approverRole' | 'needsOverride' | 'payload'> & {
  /** Time to live in hours; the reminder falls halfway. */
  ttlHours: number;
};

export const isOpen = (r: ApprovalRequest) => r.status === 'pending';
