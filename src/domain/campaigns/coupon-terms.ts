import { readAmount, type AmountProblem } from '../amount-input.ts';
import { defaultLimitRules } from '../playbook/limits.ts';

// A coupon's terms are read from its name: `满200减30` or, in English, `spend 200 get 30 off`
// (amounts in yuan, decimals allowed). Returns minor units, or a reason it cannot be used:
// each amount goes through the shared reader (no 1e308, nothing past the limit), and the
// discount must stay below the threshold.

export type Terms = { threshold: number; discount: number };
export type TermsResult = { ok: true; terms: Terms } | { ok: false; why: 'missing' | 'below' } | { ok: false; why: AmountProblem; typed: string };

// A number as typed, exponent included, so `1e308` is refused rather than read as `1`.
const NUM = '(\\d[\\d,]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)(?![\\d.])';
const FORMS = [new RegExp(`满\\s*${NUM}\\s*(?:元)?\\s*减\\s*${NUM}`), new RegExp(`spend\\s+${NUM}\\s+get\\s+${NUM}\\s+off`, 'i')];

export function readTerms(name: string, currency = 'CNY', max = defaultLimitRules().maxAmount): TermsResult {
  for (const re of FORMS) {
    const m = re.exec(name);
    if (!m) continue;
    const amounts = [m[1], m[2]].map((typed) => ({ typed, read: readAmount(typed, currency, max) }));
    for (const { typed, read } of amounts) if (!read.ok) return { ok: false, why: read.why, typed };
    const [threshold, discount] = amounts.map((a) => (a.read.ok ? a.read.minor : 0));
    if (discount <= 0 || discount >= threshold) return { ok: false, why: 'below' };
    return { ok: true, terms: { threshold, discount } };
  }
  return { ok: false, why: 'missing' };
}
