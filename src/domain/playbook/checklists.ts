import { z } from 'zod';
import { hhmmSchema } from '../time-of-day.ts';
import { playbookSection } from './load.ts';

// Checklist reminders from the playbook; PLAYBOOK_FILE may override them under
// "checklists", e.g. {"checklists": {"digestAt": "08:30"}}.

const hhmm = hhmmSchema('09:00');

export const checklistRulesSchema = z.object({
  /** Daily digest, day-before nudges and the Monday summary go out at this store-local time. */
  digestAt: hhmm.default('09:00'),
  /** Nothing is sent between these times; what falls due waits for the morning. */
  quietFrom: hhmm.default('22:00'),
  quietTo: hhmm.default('08:00'),
});

export type ChecklistRules = z.infer<typeof checklistRulesSchema>;

export const checklistRules = (file?: Record<string, unknown>): ChecklistRules => playbookSection('checklists', checklistRulesSchema, file);
