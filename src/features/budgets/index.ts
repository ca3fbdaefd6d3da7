import { BudgetBook } from '../../domain/budgets/budget-book.ts';
import type { Feature } from '../../bot/feature.ts';
import { budgetApproval } from './budget-approval.ts';
import { budgetCommand } from './budget-command.ts';
import { budgetHistoryCommand } from './budget-history-command.ts';
import { budgetRequestCommand } from './budget-request-command.ts';
import { budgetSetCommand } from './budget-set-command.ts';

/** Monthly marketing budgets by channel; changes go through approval. */
export const budgets: Feature = {
  name: 'budgets',
  commands: [budgetCommand, budgetSetCommand, budgetRequestCommand, budgetHistoryCommand],
  approvalKinds: [budgetApproval],
  books: { budgets: (env) => BudgetBook.open(env.docs) },
};
