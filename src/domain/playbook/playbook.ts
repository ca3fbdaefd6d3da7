import { alertRules, type AlertRules } from './alerts.ts';
import { briefRules, type BriefRules } from './brief.ts';
import { budgetRules, type BudgetRules } from './budgets.ts';
import { campaignRules, type CampaignRules } from './campaigns.ts';
import { checklistRules, type ChecklistRules } from './checklists.ts';
import { complaintRules, type ComplaintRules } from './complaints.ts';
import { limitRules, type LimitRules } from './limits.ts';
import { memberRules, type MemberRules } from './members.ts';

// The whole playbook in force, parsed once at start (services.playbook): each section's
// defaults with PLAYBOOK_FILE's overrides, so features read `services.playbook.complaints`.

export interface Playbook {
  alerts: AlertRules;
  brief: BriefRules;
  budgets: BudgetRules;
  campaigns: CampaignRules;
  checklists: ChecklistRules;
  complaints: ComplaintRules;
  limits: LimitRules;
  members: MemberRules;
}

/** Every playbook section, by its key in PLAYBOOK_FILE. */
export const PLAYBOOK_SECTIONS: { [K in keyof Playbook]: (file: Record<string, unknown>) => Playbook[K] } = {
  alerts: alertRules,
  brief: briefRules,
  budgets: budgetRules,
  campaigns: campaignRules,
  checklists: checklistRules,
  complaints: complaintRules,
  limits: limitRules,
  members: memberRules,
};

/** The file's overrides over the defaults, every section checked; throws PlaybookError naming the first bad value. */
export function parsePlaybook(file: Record<string, unknown> = {}): Playbook {
  const sections = Object.entries(PLAYBOOK_SECTIONS).map(([key, parse]) => [key, parse(file)]);
  return Object.fromEntries(sections) as Playbook;
}
