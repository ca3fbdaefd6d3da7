import { ApprovalBook } from '../../domain/approvals/approval-book.ts';
import type { Feature } from '../../bot/feature.ts';
import { approvalNotices } from './approval-notices.ts';
import { approveCommand, rejectCommand } from './decide-command.ts';

/** The generic approval flow: `approve 12` / `reject 12` decide any feature's approval kinds. */
export const approvals: Feature = {
  name: 'approvals',
  commands: ({ approvalKinds }) => [approveCommand(approvalKinds), rejectCommand(approvalKinds)],
  noticeSources: [approvalNotices],
  books: { approvals: (env) => ApprovalBook.open(env.docs) },
};
