import type { Feature } from '../../bot/feature.ts';
import { outboxCommand, outboxFailedCommand, outboxRetryCommand } from './outbox-commands.ts';

/** What the bot has queued to send: counts, failures, retry. */
export const outbox: Feature = { name: 'outbox', commands: [outboxCommand, outboxFailedCommand, outboxRetryCommand] };
