import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cadenceFileSchema, templateSchema, type Cadence, type ChecklistTemplate, type TemplateSet } from '../../domain/checklists/template.ts';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../data/templates', import.meta.url));

/**
 * Reads the editable templates in data/templates: `cadences.json` and every other
 * `*.json` as a checklist template. A template that fails its schema stops the bot
 * with the file and the reason, rather than running a half-read plan.
 */
export function loadTemplates(dir = DEFAULT_TEMPLATES_DIR): TemplateSet {
  const set: TemplateSet = { checklists: [], cadences: [] };
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const raw = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const schema = name === 'cadences.json' ? cadenceFileSchema : templateSchema;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`template ${name}: ${issue.path.join('.') || '(root)'} ${issue.message}`);
    }
    if (name === 'cadences.json') set.cadences = (parsed.data as { cadences: Cadence[] }).cadences;
    else set.checklists.push(parsed.data as ChecklistTemplate);
  }
  return set;
}
