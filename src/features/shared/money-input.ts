import { readAmount, type AmountProblem } from '../../domain/amount-input.ts';
import { problem, type BotError } from '../../bot/errors.ts';
import { formatMoney } from './format.ts';
import type { Bilingual } from '../../chat/lang.ts';
import type { Services } from '../../bot/services.ts';

// Every command that takes money reads it here, so `1e308`, `99999999999999999999` and amounts past
// the playbook's `limits.maxAmount` get the same answer everywhere: what was wrong, and an example.

/** What reading money needs: the store's currency and the largest amount accepted (minor units). */
export interface MoneyScene {
  currency: string;
  maxAmount: number;
}

export const moneyScene = (services: Pick<Services, 'store' | 'playbook'>): MoneyScene => ({ currency: services.store.currency, maxAmount: services.playbook.limits.maxAmount });

/** The reply for an amount that cannot be used. */
export function amountProblem(why: AmountProblem, typed: string, scene: MoneyScene, example: Bilingual): BotError {
  const max = (lang: 'zh' | 'en') => formatMoney(scene.maxAmount, scene.currency, lang);
  switch (why) {
    case 'exponent':
      return problem('amount_exponent', `「${typed}」是科学计数法，请直接写金额，如 30、20000 或 2万`, `"${typed}" is exponent notation; write the amount itself, like 30, 20000 or 20k`, example);
    case 'too_large':
      return problem('amount_too_large', `「${typed}」大得不合理：上限是 ${max('zh')}（playbook 的 limits.maxAmount），请检查金额`, `"${typed}" is implausibly large: the limit is ${max('en')} (the playbook's limits.maxAmount); check the amount`, example);
    case 'not_amount':
      return problem('bad_amount', `「${typed}」不是金额，请写成 20000、2万、¥5,000 或 99.5 这样`, `"${typed}" is not an amount: write it like 20000, 20k, ¥5,000 or 99.5`, example);
  }
}

/**
 * Signed minor units of the amount typed, or undefined when it is no amount at all (the caller
 * says what it expected there); exponent notation and amounts past the limit throw a reply.
 */
export function amountOrNothing(typed: string | undefined, scene: MoneyScene, example: Bilingual): number | undefined {
  if (typed === undefined) return undefined;
  const read = readAmount(typed, scene.currency, scene.maxAmount);
  if (read.ok) return read.minor;
  if (read.why === 'not_amount') return undefined;
  throw amountProblem(read.why, typed, scene, example);
}
