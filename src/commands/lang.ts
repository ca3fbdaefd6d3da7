// Every user-facing sentence exists in Chinese and English; the bot answers in
// the language it was asked in.

export type Lang = 'zh' | 'en';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function detectLang(text: string | undefined, fallback: Lang): Lang {
  if (!text) return fallback;
  if (HAN.test(text)) return 'zh';
  return /[a-z]/i.test(text) ? 'en' : fallback;
}

/** Picks the sentence for a language: `say(lang)('今天', 'today')`. */
export const say = (lang: Lang) => (zh: string, en: string) => (lang === 'zh' ? zh : en);

export interface Bilingual {
  zh: string;
  en: string;
}
