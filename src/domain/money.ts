// Money is kept in integer minor units (fen, cents) so sums are exact to the cent.

const exponents = new Map<string, number>();

/** Digits after the decimal point for a currency (CNY 2, JPY 0). */
export function currencyExponent(currency: string): number {
  let e = exponents.get(currency);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, e);
  }
  return e;
}

export const toMajor = (minor: number, currency: string) => minor / 10 ** currencyExponent(currency);

/**
 * Parses a decimal amount as written in exports ("1,234.50", "¥88", "-3.5") into minor
 * units without floating-point drift. Returns undefined when it is not a number.
 */
export function parseMoney(text: string | undefined, currency = 'CNY'): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().replace(/[¥￥$€£,\s]|CNY|RMB|USD|元/gi, '');
  if (t === '') return undefined;
  const m = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return undefined;
  const exp = currencyExponent(currency);
  const frac = (m[3] ?? '').padEnd(exp + 1, '0');
  // Round half away from zero on the first dropped digit.
  let minor = Number(m[2]) * 10 ** exp + (exp > 0 ? Number(frac.slice(0, exp)) : 0);
  if (Number(frac[exp]) >= 5) minor += 1;
  return m[1] === '-' ? -minor : minor;
}
