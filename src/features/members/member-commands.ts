import { linkCommand, optOutCommand } from './link-commands.ts';
import { memberCommand } from './member-command.ts';
import { segmentsCommand } from './segments-command.ts';
import { tiersRunCommand } from './tiers-run-command.ts';

/** The member commands, registered in src/features/commands.ts with one line. */
export const memberCommands = [tiersRunCommand, memberCommand, segmentsCommand, linkCommand, optOutCommand];
