// A coupon's terms are read from its name: `满200减30` or, in English, `spend 200 get 30 off`
// (amounts in yuan, decimals allowed). Returns minor units, or a reason it cannot be used.

export type Terms = { threshold: number; discount: number };
export type TermsResult = { ok: true; terms: Terms } | { ok: false; why: 'missing' | 'below' };

const NUM = '(\\d+(?:\\.\\d{1,2})?)';
const FORMS = [new RegExp(`满\\s*${NUM}\\s*(?:元)?\\s*减\\s*${NUM}`), new RegExp(`spend\\s+${NUM}\\s+get\\s+${NUM}\\s+off`, 'i')];

export function readTerms(name: string): TermsResult {
  for (const re of FORMS) {
    const m = re.exec(name);
    if (!m) continue;
    const threshold = Math.round(Number(m[1]) * 100);
    const discount = Math.round(Number(m[2]) * 100);
    if (discount <= 0 || threshold < discount) return { ok: false, why: 'below' };
    return { ok: true, terms: { threshold, discount } };
  }
  return { ok: false, why: 'missing' };
}
