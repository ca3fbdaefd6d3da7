import { alertRules } from './alerts.ts';
import { briefRules } from './brief.ts';
import { budgetRules } from './budgets.ts';
import { campaignRules } from './campaigns.ts';
import { checklistRules } from './checklists.ts';
import { complaintRules } from './complaints.ts';
import { limitRules } from './limits.ts';
import { PlaybookError } from './load.ts';
import { memberRules } from './members.ts';

/** Every playbook section, by its key in PLAYBOOK_FILE. */
export const PLAYBOOK_SECTIONS: Record<string, (file: Record<string, unknown>) => unknown> = {
  alerts: alertRules,
  brief: briefRules,
  budgets: budgetRules,
  campaigns: campaignRules,
  checklists: checklistRules,
  complaints: complaintRules,
  limits: limitRules,
  members: memberRules,
};

/**
 * Checks a whole playbook file at start, so a typo stops the bot with one line
 * instead of surfacing later inside one feature's command.
 */
export function checkPlaybook(file: Record<string, unknown>): void {
  const unknown = Object.keys(file).filter((k) => !(k in PLAYBOOK_SECTIONS));
  if (unknown.length) throw new PlaybookError(`playbook: unknown section ${unknown.map((k) => `"${k}"`).join(', ')}; known: ${Object.keys(PLAYBOOK_SECTIONS).join(', ')}`);
  for (const section of Object.values(PLAYBOOK_SECTIONS)) section(file);
}
