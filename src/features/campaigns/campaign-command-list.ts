import { campaignCancelCommand, campaignCommand, campaignPauseCommand, campaignResumeCommand, campaignsCommand } from './campaign-commands.ts';
import { campaignReportCommand } from './campaign-report-command.ts';
import { couponScheduleCommand } from './coupon-schedule-command.ts';

/** The coupon campaign commands, registered together in src/features/commands.ts. */
export const campaignCommands = [couponScheduleCommand, campaignsCommand, campaignCommand, campaignPauseCommand, campaignResumeCommand, campaignCancelCommand, campaignReportCommand];
