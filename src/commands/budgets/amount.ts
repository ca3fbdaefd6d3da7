import { currencyExponent, parseMoney } from '../../domain/money.ts';

// Amounts as people type them in chat: 20000, 20,000, +20000, -5000, 2万, 20k, ¥5000.
// Returns minor units (signed), or undefined when it is not an amount.

export function parseAmount(typed: string, currency: string): number | undefined {
  const t = typed.trim().replace(/^[¥￥]/, '');
  const m = /^([+-]?)([\d,]+(?:\.\d+)?)(万|w|k|千)?(元)?$/i.exec(t);
  if (!m) return undefined;
  const base = parseMoney(m[2], currency);
  if (base === undefined) return undefined;
  const mult = m[3] === '万' || m[3]?.toLowerCase() === 'w' ? 10_000 : m[3] ? 1_000 : 1;
  const minor = base * mult;
  return m[1] === '-' ? -minor : minor;
}

/** The largest amount a chat command accepts: a billion in major units; more is a typo. */
export const maxAmount = (currency: string) => 1_000_000_000 * 10 ** currencyExponent(currency);
