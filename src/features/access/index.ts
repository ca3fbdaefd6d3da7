import type { Feature } from '../../bot/feature.ts';
import { auditCommand } from './audit-command.ts';
import { grantCommand, revokeCommand } from './grant-command.ts';
import { whoamiCommand } from './whoami-command.ts';

/** Who holds which role (`whoami`, `grant`, `revoke`) and the audit log. */
export const access: Feature = { name: 'access', commands: [whoamiCommand, grantCommand, revokeCommand, auditCommand] };
