import type { Lang } from '../../chat/lang.ts';

// Counts as people read them: with thousands separators (1,918) in every reply, and English
// nouns that agree with the number (1 order, 2 orders) — never "order(s)".

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1918 → "1,918" (Chinese readers use the same grouping in figures). */
export const count = (n: number): string => grouped.format(n);

/** `+12` / `-3` / `0`, grouped. */
export const signedCount = (n: number): string => (n > 0 ? `+${count(n)}` : count(n));

/** `1 order`, `1,918 orders`; `many` defaults to `one` + "s". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${Math.abs(n) === 1 ? one : many}`;

/** Chinese needs no plural; English gets one: `counted(lang, n, '单', 'order')`. */
export const counted = (lang: Lang, n: number, zhUnit: string, one: string, many?: string): string => (lang === 'zh' ? `${count(n)} ${zhUnit}` : plural(n, one, many));
