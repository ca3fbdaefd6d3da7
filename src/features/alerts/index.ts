import type { Feature } from '../../bot/feature.ts';
import { alertCommands } from './alert-action-commands.ts';
import { alertNotices } from './alert-notices.ts';
import { alertsCommand } from './alerts-command.ts';

/** The playbook's warning lines over store days: the alert list, cards, ack / mute / why. */
export const alerts: Feature = { name: 'alerts', commands: [alertsCommand, ...alertCommands], noticeSources: [alertNotices] };
