import type { Feature } from '../../bot/feature.ts';
import { helpCommand } from '../../bot/help-command.ts';

/** `help` / `帮助`: built from the registry, so it lists every feature before it in the list. */
export const help: Feature = { name: 'help', commands: ({ registry }) => [helpCommand(registry)] };
