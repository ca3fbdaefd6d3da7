import { briefSource } from './brief/brief-source.ts';
import { cadenceNoticeSource } from './checklists/cadence-notices.ts';
import { checklistNoticeSource } from './checklists/checklist-notices.ts';
import { approvalNotices } from './approvals/approval-notices.ts';
import { complaintEscalations } from './complaints/complaint-notices.ts';
import type { NoticeSource } from '../bot/notices.ts';
import { campaignNotices } from './campaigns/campaign-notices.ts';
import { alertNotices } from './alerts/alert-notices.ts';
import { weeklySource } from './weekly/weekly-source.ts';
import { stockAlertSource } from './stock/stock-alerts.ts';

/**
 * Every feature that makes the bot speak first. The scheduler tick calls `collect(now)` on each,
 * enqueues what they return and dispatches it. To add one: import your source and add one line
 * to the list (e.g. `complaintEscalations,`). Sources derive what is due from stored state, so
 * after downtime they return the missed items again; the outbox keeps each key once.
 */
export function buildNoticeSources(): NoticeSource[] {
  return [
    briefSource,
    approvalNotices,
    checklistNoticeSource,
    cadenceNoticeSource,
    complaintEscalations,
    campaignNotices,
    alertNotices,
    weeklySource,
    stockAlertSource,
  ];
}
