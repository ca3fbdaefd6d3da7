import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cadenceFileSchema, templateSchema, type Cadence, type ChecklistTemplate, type TemplateSet } from '../../domain/checklists/template.ts';

/** The repo's data/templates, found by walking up from this file: it runs from src/ (tsx) and from the dist/ bundle. */
export const DEFAULT_TEMPLATES_DIR = join(packageRoot(dirname(fileURLToPath(import.meta.url))), 'data', 'templates');

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

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
