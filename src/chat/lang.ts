// Every user-facing sentence exists in Chinese and English; the bot answers in
// the language it was asked in.

export type Lang = 'zh' | 'en';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

// Abbreviations a Chinese team types as often as an English one: a message made only of these
// (and numbers, ids, punctuation) says nothing about the asker's language, so BOT_LANG decides.
const NEUTRAL_WORDS = new Set(['gmv', 'roi', 'aov', 'uv', 'pv', 'kpi', 'sku', 'skus', 'cvr', 'ctr', 'gsv', 'rfm', 'vs', 'ok']);

/** A word with a digit (an order id, a date, `#42`) or a qualified id (`console:bob`) is no language clue either. */
const isNeutral = (word: string) => NEUTRAL_WORDS.has(word.toLowerCase()) || /\d/.test(word) || /^[a-z]+:\S+$/i.test(word);

// Quoted words are the asker's own names (a coupon called "满200减30", a reason), not their language.
const QUOTED = /"[^"]*"|“[^”]*”|「[^」]*」/g;

export function detectLang(text: string | undefined, fallback: Lang): Lang {
  if (!text) return fallback;
  const unquoted = text.replace(QUOTED, ' ');
  if (unquoted !== text && unquoted.trim() && !HAN.test(unquoted)) return detectLang(unquoted, HAN.test(text) ? 'zh' : fallback);
  if (HAN.test(text)) return 'zh';
  const words = text.match(/[\p{L}\p{N}_:#@.+-]+/gu) ?? [];
  return words.some((w) => /[a-z]/i.test(w) && !isNeutral(w)) ? 'en' : fallback;
}

/** Picks the sentence for a language: `say(lang)('今天', 'today')`. */
export const say = (lang: Lang) => (zh: string, en: string) => (lang === 'zh' ? zh : en);

export interface Bilingual {
  zh: string;
  en: string;
}
