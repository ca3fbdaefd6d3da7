import { NORMAL_CATEGORIES, SERIOUS_CATEGORIES, type Category, type ComplaintRules } from '../playbook/complaints.ts';
import type { Severity } from './complaint.ts';

export interface Classification {
  severity: Severity;
  category?: Category;
  /** The keyword that decided it, as it appears in the playbook. */
  keyword?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function found(text: string, word: string): boolean {
  // English words match whole words only ("late" is not in "plate"); Chinese has no spaces to go by.
  if (/^[\x00-\x7f]+$/.test(word)) return new RegExp(`(^|[^a-z0-9])${escape(word.toLowerCase())}($|[^a-z0-9])`).test(text);
  return text.includes(word);
}

/** Severity from the playbook's keyword lists: the first category in rank order with a hit decides. */
export function classify(text: string, rules: ComplaintRules): Classification {
  const lower = text.toLowerCase();
  for (const category of [...SERIOUS_CATEGORIES, ...NORMAL_CATEGORIES]) {
    const words = rules.keywords[category];
    const keyword = [...words.zh, ...words.en].find((w) => found(lower, w.toLowerCase()));
    if (keyword) return { severity: (SERIOUS_CATEGORIES as readonly string[]).includes(category) ? 'serious' : 'normal', category, keyword };
  }
  return { severity: 'watch' };
}

/** Resolution window in hours: quality claims get their own, longer window. */
export function resolutionHours(severity: Severity, category: Category | undefined, manual: boolean, rules: ComplaintRules): number {
  if (severity === 'serious' && category === 'quality' && !manual) return rules.resolutionHours.quality;
  return rules.resolutionHours[severity];
}
