import { readFileSync } from 'node:fs';
import { PlaybookError } from '../../domain/playbook/load.ts';

/**
 * Reads PLAYBOOK_FILE (JSON, one object per section); an empty playbook when none is set.
 * The domain only sees the parsed object and checks each section against its schema.
 */
export function readPlaybookFile(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new PlaybookError(`PLAYBOOK_FILE ${path} is not readable JSON: ${(err as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new PlaybookError(`PLAYBOOK_FILE ${path} must hold a JSON object like {"complaints": {...}}`);
  return raw as Record<string, unknown>;
}
