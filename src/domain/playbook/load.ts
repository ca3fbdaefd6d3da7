import type { z } from 'zod';

// The operating playbook's thresholds are configuration: each feature declares a zod
// schema whose defaults are the playbook values; PLAYBOOK_FILE (JSON) may override any
// of them under the feature's key, e.g. {"complaints": {"firstResponseMinutes": 20}}.

export class PlaybookError extends Error {}

/** One feature's section: the file's overrides checked against the schema, defaults filling the rest. */
export function playbookSection<S extends z.ZodType>(key: string, schema: S, file: Record<string, unknown> = {}): z.output<S> {
  const checked = schema.safeParse(file[key] ?? {});
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new PlaybookError(`playbook ${key}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return checked.data;
}
