import { LinkAttempts } from '../../domain/members/link-attempts.ts';
import { LookupLimit } from '../../domain/members/lookup-limit.ts';
import { MemberLinks } from '../../domain/members/member-links.ts';
import { SegmentHistory } from '../../domain/members/rfm.ts';
import { TierBook } from '../../domain/members/tiers.ts';
import type { Feature } from '../../bot/feature.ts';
import { linkCommand, optOutCommand } from './link-commands.ts';
import { memberCommand } from './member-command.ts';
import { segmentsCommand } from './segments-command.ts';
import { tiersApplyConfirmable, tiersRunCommand } from './tiers-run-command.ts';

/** Members: tiers, RFM segments, look-ups, and chat users linked to customers. */
export const members: Feature = {
  name: 'members',
  commands: [tiersRunCommand, memberCommand, segmentsCommand, linkCommand, optOutCommand],
  confirmables: [tiersApplyConfirmable],
  books: {
    memberLinks: (env) => MemberLinks.open(env.docs),
    linkAttempts: (env) => LinkAttempts.open(env.docs),
    lookupLimit: (env) => LookupLimit.open(env.docs),
    segmentHistory: (env) => SegmentHistory.open(env.docs),
    tiers: (env) => TierBook.open(env.docs),
  },
};
