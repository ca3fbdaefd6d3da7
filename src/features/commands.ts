import { cadenceCommand } from './checklists/cadence-command.ts';
import { checklistShowCommand } from './checklists/checklist-show-command.ts';
import { checklistStartCommand } from './checklists/checklist-start-command.ts';
import { itemAssignCommand, itemDoneCommand, itemPostponeCommand, itemSkipCommand } from './checklists/item-commands.ts';
import { approveCommand, rejectCommand } from './approvals/decide-command.ts';
import { budgetCommands } from './budgets/budget-commands.ts';
import { auditCommand } from './access/audit-command.ts';
import { grantCommand, revokeCommand } from './access/grant-command.ts';
import { whoamiCommand } from './access/whoami-command.ts';
import { briefCommand } from './brief/brief-command.ts';
import { chartsCommand } from './charts/charts-command.ts';
import { outboxCommand, outboxFailedCommand, outboxRetryCommand } from './outbox/outbox-commands.ts';
import { complaintCommand, complaintNewCommand } from './complaints/complaint-command.ts';
import { complaintReportCommand } from './complaints/complaint-report-command.ts';
import { complaintsListCommand } from './complaints/complaints-list-command.ts';
import { complaintStepCommands } from './complaints/work-commands.ts';
import { cancelCommand, confirmCommand } from './confirm/confirm-commands.ts';
import { memberCommands } from './members/member-commands.ts';
import { helpCommand } from '../bot/help-command.ts';
import { campaignCommands } from './campaigns/campaign-command-list.ts';
import { metricCommand } from './metrics/metric-command.ts';
import { whyCommand } from './insights/why-command.ts';
import { alertsCommand } from './alerts/alerts-command.ts';
import { alertCommands } from './alerts/alert-action-commands.ts';
import { kpiCommand } from './targets/kpi-command.ts';
import { weeklyCommand } from './weekly/weekly-command.ts';
import { targetSetCommand } from './targets/target-set-command.ts';
import { stockCommand } from './stock/stock-command.ts';
import { stockAlertsCommand } from './stock/stock-alerts.ts';
import { Registry } from '../bot/registry.ts';

/** Every command the bot knows. Add a new command's spec here (one line). */
export function buildRegistry(): Registry {
  const registry = new Registry();
  registry.add(whyCommand, metricCommand); // why first: "gmv yesterday why" is a why question, not a metric one
  registry.add(checklistStartCommand, checklistShowCommand, itemDoneCommand, itemPostponeCommand, itemSkipCommand, itemAssignCommand, cadenceCommand);
  registry.add(...budgetCommands, approveCommand, rejectCommand);
  registry.add(whoamiCommand, grantCommand, revokeCommand, auditCommand, outboxCommand, outboxFailedCommand, outboxRetryCommand, briefCommand);
  registry.add(complaintCommand, complaintNewCommand, complaintsListCommand, complaintReportCommand, ...complaintStepCommands);
  registry.add(confirmCommand, cancelCommand);
  registry.add(...campaignCommands);
  registry.add(...memberCommands);
  registry.add(alertsCommand, ...alertCommands, targetSetCommand, kpiCommand, weeklyCommand);
  registry.add(chartsCommand);
  registry.add(stockCommand, stockAlertsCommand);
  registry.add(helpCommand(registry));
  return registry;
}
