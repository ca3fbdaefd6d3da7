import { PlaybookError } from './load.ts';
import { parsePlaybook, PLAYBOOK_SECTIONS } from './playbook.ts';

/**
 * Checks a whole playbook file at start, so a typo stops the bot with one line
 * instead of surfacing later inside one feature's command.
 */
export function checkPlaybook(file: Record<string, unknown>): void {
  const unknown = Object.keys(file).filter((k) => !(k in PLAYBOOK_SECTIONS));
  if (unknown.length) throw new PlaybookError(`playbook: unknown section ${unknown.map((k) => `"${k}"`).join(', ')}; known: ${Object.keys(PLAYBOOK_SECTIONS).join(', ')}`);
  parsePlaybook(file);
}
