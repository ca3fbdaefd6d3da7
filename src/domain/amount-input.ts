import { currencyExponent, parseMoney } from './money.ts';

// The one reader for an amount of money typed in chat: 20000, 20,000, +20000, -5000, 2万, 20k,
// ¥5000, 99.5元. Exponent notation (1e308) and amounts beyond the store's limit are refused, never
// cut or rounded into something else; the caller turns the reason into a reply with an example.

export type AmountProblem = 'not_amount' | 'exponent' | 'too_large';
export type AmountRead = { ok: true; minor: number } | { ok: false; why: AmountProblem };

const AMOUNT = /^([+-]?)(\d[\d,]*(?:\.\d+)?)(万|w|k|千)?(元)?$/i;
const EXPONENT = /\d(?:\.\d*)?e[+-]?\d/i;

/** Signed minor units of `currency`, or why not. `max` (minor units) bounds the absolute value. */
export function readAmount(typed: string, currency: string, max: number): AmountRead {
  const t = typed.trim().replace(/^[¥￥]/, '');
  if (EXPONENT.test(t)) return { ok: false, why: 'exponent' };
  const m = AMOUNT.exec(t);
  if (!m) return { ok: false, why: 'not_amount' };
  const [whole, frac = ''] = m[2].replace(/,/g, '').split('.');
  // Past 15 digits a number is no longer exact in floating point, and far beyond any limit anyway.
  if (whole.replace(/^0+/, '').length > 15) return { ok: false, why: 'too_large' };
  const mult = m[3] === '万' || m[3]?.toLowerCase() === 'w' ? 10_000 : m[3] ? 1_000 : 1;
  // Without a multiplier, more decimals than the currency has (0.001 yuan) is not an amount.
  if (mult === 1 && frac.length > currencyExponent(currency)) return { ok: false, why: 'not_amount' };
  // 1.2345万 is ¥12,345: scale before rounding to the currency's minor unit.
  const minor = mult === 1 ? parseMoney(m[2], currency) : Math.round(Number(`${whole}.${frac || '0'}`) * mult * 10 ** currencyExponent(currency));
  if (minor === undefined || !Number.isFinite(minor)) return { ok: false, why: 'not_amount' };
  if (minor > max) return { ok: false, why: 'too_large' };
  return { ok: true, minor: m[1] === '-' ? -minor : minor };
}
