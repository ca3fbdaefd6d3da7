import { CampaignBook } from '../../domain/campaigns/campaign-book.ts';
import type { Feature } from '../../bot/feature.ts';
import { campaignApproval } from './campaign-approval.ts';
import { campaignCancelCommand, campaignCommand, campaignPauseCommand, campaignResumeCommand, campaignsCommand } from './campaign-commands.ts';
import { campaignNotices } from './campaign-notices.ts';
import { campaignReportCommand } from './campaign-report-command.ts';
import { couponScheduleCommand, couponScheduleConfirmable } from './coupon-schedule-command.ts';

/** Coupon campaigns to member audiences: scheduled, confirmed, approved when large, pushed on time. */
export const campaigns: Feature = {
  name: 'campaigns',
  commands: [couponScheduleCommand, campaignsCommand, campaignCommand, campaignPauseCommand, campaignResumeCommand, campaignCancelCommand, campaignReportCommand],
  noticeSources: [campaignNotices],
  approvalKinds: [campaignApproval],
  confirmables: [couponScheduleConfirmable],
  books: { campaigns: (env) => CampaignBook.open(env.docs) },
};
