import type { Feature } from '../../bot/feature.ts';
import { cancelCommand, confirmCommand } from './confirm-commands.ts';

/** "Preview, then confirm": `confirm` runs any feature's confirmable, `cancel` drops it. */
export const confirm: Feature = { name: 'confirm', commands: ({ confirmables }) => [confirmCommand(confirmables), cancelCommand] };
