import { budgetApproval } from '../budgets/budget-approval.ts';
import type { ApprovalKind } from './approval-kind.ts';
import { campaignApproval } from '../campaigns/campaign-approval.ts';

/** Every feature that asks for approvals. Add a kind here (one line). */
export const approvalKinds: ApprovalKind[] = [budgetApproval, campaignApproval];
