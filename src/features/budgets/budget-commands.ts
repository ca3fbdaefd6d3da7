import { budgetCommand } from './budget-command.ts';
import { budgetHistoryCommand } from './budget-history-command.ts';
import { budgetRequestCommand } from './budget-request-command.ts';
import { budgetSetCommand } from './budget-set-command.ts';

/** The budget commands, registered together in src/features/commands.ts. */
export const budgetCommands = [budgetCommand, budgetSetCommand, budgetRequestCommand, budgetHistoryCommand];
