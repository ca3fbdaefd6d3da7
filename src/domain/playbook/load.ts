import { readFileSync } from 'node:fs';
import type { z } from 'zod';

// The operating playbook's thresholds are configuration: each feature declares a zod
// schema whose defaults are the playbook values; PLAYBOOK_FILE (JSON) may override any
// of them under the feature's key, e.g. {"complaints": {"firstResponseMinutes": 20}}.

export class PlaybookError extends Error {}

const files = new Map<string, Record<string, unknown>>();

/** The parsed PLAYBOOK_FILE (cached per path); an empty object when none is set. */
export function playbookFile(path: string | undefined = process.env.PLAYBOOK_FILE): Record<string, unknown> {
  if (!path) return {};
  let parsed = files.get(path);
  if (!parsed) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new PlaybookError(`PLAYBOOK_FILE ${path} is not readable JSON: ${(err as Error).message}`);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new PlaybookError(`PLAYBOOK_FILE ${path} must hold a JSON object like {"complaints": {...}}`);
    parsed = raw as Record<string, unknown>;
    files.set(path, parsed);
  }
  return parsed;
}

/** One feature's section: the file's overrides checked against the schema, defaults filling the rest. */
export function playbookSection<S extends z.ZodType>(key: string, schema: S, file: Record<string, unknown> = playbookFile()): z.output<S> {
  const checked = schema.safeParse(file[key] ?? {});
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new PlaybookError(`playbook ${key}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return checked.data;
}

/** Same as playbookFile: the name the budget rules read it by. */
export const readPlaybookFile = (path?: string) => playbookFile(path ?? process.env.PLAYBOOK_FILE);
