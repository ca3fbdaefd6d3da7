import { ChecklistBook } from '../../domain/checklists/checklist-book.ts';
import type { Feature } from '../../bot/feature.ts';
import { cadenceCommand } from './cadence-command.ts';
import { cadenceNoticeSource } from './cadence-notices.ts';
import { checklistNoticeSource } from './checklist-notices.ts';
import { checklistShowCommand } from './checklist-show-command.ts';
import { checklistStartCommand } from './checklist-start-command.ts';
import { itemAssignCommand, itemDoneCommand, itemPostponeCommand, itemSkipCommand } from './item-commands.ts';

/** Sale-event checklists with owners and deadlines, and the routine cadence reminders. */
export const checklists: Feature = {
  name: 'checklists',
  commands: [checklistStartCommand, checklistShowCommand, itemDoneCommand, itemPostponeCommand, itemSkipCommand, itemAssignCommand, cadenceCommand],
  noticeSources: [checklistNoticeSource, cadenceNoticeSource],
  books: { checklists: (env) => ChecklistBook.open(env.docs) },
};
