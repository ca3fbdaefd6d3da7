// Exact additive decompositions of a change. A figure that is a product of
// factors (GMV = visitors × conversion × orders per buyer × AOV) moves because
// every factor moved; the Shapley split credits each factor with its average
// marginal effect over every order of applying the changes, so the parts add up
// to the whole change exactly, with no "interaction" remainder left over, and a
// factor that did not move gets zero. Zeros are fine (unlike log-based splits).

/** Splits prod(after) − prod(before) into one part per factor. */
export function shapleyProduct(before: number[], after: number[]): number[] {
  const k = before.length;
  if (after.length !== k) throw new Error('shapleyProduct: factor lists differ in length');
  const fact = [1];
  for (let i = 1; i <= k; i++) fact[i] = fact[i - 1] * i;
  const value = (mask: number) => {
    let p = 1;
    for (let i = 0; i < k; i++) p *= mask & (1 << i) ? after[i] : before[i];
    return p;
  };
  const parts = new Array<number>(k).fill(0);
  for (let mask = 0; mask < 1 << k; mask++) {
    const size = popcount(mask);
    for (let i = 0; i < k; i++) {
      if (mask & (1 << i)) continue;
      const weight = (fact[size] * fact[k - size - 1]) / fact[k];
      parts[i] += weight * (value(mask | (1 << i)) - value(mask));
    }
  }
  return parts;
}

function popcount(n: number): number {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
}

/**
 * Rounds parts to whole units (cents, orders) so that they add up to `total`
 * exactly: each part is floored, then the units left over go to the parts with
 * the largest remainders (Hamilton's method). `total` must be a whole number.
 */
export function roundToTotal(parts: number[], total: number): number[] {
  const floors = parts.map(Math.floor);
  let left = Math.round(total - floors.reduce((a, b) => a + b, 0));
  const byRemainder = parts.map((p, i) => [p - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const out = floors.slice();
  for (let j = 0; left > 0 && parts.length > 0; j = (j + 1) % parts.length, left--) out[byRemainder[j][1]] += 1;
  for (let j = parts.length - 1; left < 0 && parts.length > 0; j = (j - 1 + parts.length) % parts.length, left++) out[byRemainder[j][1]] -= 1;
  return out;
}

/**
 * How much each part of a ratio R = ΣN / ΣD contributed to its change:
 * (ΔN_c − R₀·ΔD_c) / D₁ for each part c. These add up to R₁ − R₀ exactly
 * (a mix-and-rate split: a part whose share of D grows at a rate above R₀ raises R).
 */
export function ratioContributions(num0: number[], den0: number[], num1: number[], den1: number[]): number[] {
  const N0 = sum(num0);
  const D0 = sum(den0);
  const D1 = sum(den1);
  if (D1 === 0) return num1.map(() => 0);
  const r0 = D0 > 0 ? N0 / D0 : 0;
  // With no base (D₀ = 0) the whole new ratio is the change, split by each part's share of it.
  return num1.map((n1, c) => (n1 - num0[c] - r0 * (den1[c] - den0[c])) / D1);
}

export const sum = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
};
