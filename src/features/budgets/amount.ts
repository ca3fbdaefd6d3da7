import { readAmount } from '../../domain/amount-input.ts';
import { defaultLimitRules } from '../../domain/playbook/limits.ts';

// Amounts as people type them in chat: 20000, 20,000, +20000, -5000, 2万, 20k, ¥5000.
// Returns minor units (signed), or undefined when it is not an amount (or past the default limit).
// Commands read through ../money-input.ts, which says why an amount was refused.

export function parseAmount(typed: string, currency: string): number | undefined {
  const read = readAmount(typed, currency, defaultLimitRules().maxAmount);
  return read.ok ? read.minor : undefined;
}
