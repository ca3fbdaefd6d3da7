import { ComplaintDesk } from '../../domain/complaints/complaint-desk.ts';
import type { Feature } from '../../bot/feature.ts';
import { complaintCommand, complaintNewCommand } from './complaint-command.ts';
import { complaintEscalations } from './complaint-notices.ts';
import { complaintReportCommand } from './complaint-report-command.ts';
import { complaintsListCommand } from './complaints-list-command.ts';
import { complaintStepCommands } from './work-commands.ts';

/** Customer complaints: logged, worked step by step, escalated when a deadline passes. */
export const complaints: Feature = {
  name: 'complaints',
  commands: [complaintCommand, complaintNewCommand, complaintsListCommand, complaintReportCommand, ...complaintStepCommands],
  noticeSources: [complaintEscalations],
  books: { complaints: (env) => ComplaintDesk.open(env.docs, env.playbook.complaints, env.clock, env.calendar) },
};
