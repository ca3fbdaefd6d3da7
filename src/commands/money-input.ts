import { readAmount, type AmountProblem } from '../domain/amount-input.ts';
import { limitRules } from '../domain/playbook/limits.ts';
import { problem, type BotError } from './errors.ts';
import { formatMoney } from './format.ts';
import type { Bilingual } from './lang.ts';
import type { Services } from './services.ts';

// Every command that takes money reads it here, so `1e308`, `99999999999999999999` and amounts past
// the playbook's `limits.maxAmount` get the same answer everywhere: what was wrong, and an example.

type Scene = Pick<Services, 'store' | 'playbook'>;

/** The reply for an amount that cannot be used. */
export function amountProblem(why: AmountProblem, typed: string, scene: Scene, example: Bilingual): BotError {
  const { currency } = scene.store;
  const max = limitRules(scene.playbook).maxAmount;
  switch (why) {
    case 'exponent':
      return problem('amount_exponent', `「${typed}」是科学计数法，请直接写金额，如 30、20000 或 2万`, `"${typed}" is exponent notation; write the amount itself, like 30, 20000 or 2万`, example);
    case 'too_large':
      return problem('amount_too_large', `「${typed}」超过了上限 ${formatMoney(max, currency, 'zh')}，请检查金额（上限见 playbook 的 limits.maxAmount）`, `"${typed}" is above the limit of ${formatMoney(max, currency, 'en')}; check the amount (the playbook's limits.maxAmount sets it)`, example);
    case 'not_amount':
      return problem('bad_amount', `「${typed}」不是金额，请写成 20000、2万、¥5,000 或 99.5 这样`, `"${typed}" is not an amount: write it like 20000, 20k, ¥5,000 or 99.5`, example);
  }
}

/** Signed minor units of the amount typed, or a reply saying what was wrong and showing `example`. */
export function amountIn(typed: string | undefined, scene: Scene, example: Bilingual): number {
  const read = readAmount(typed ?? '', scene.store.currency, limitRules(scene.playbook).maxAmount);
  if (!read.ok) throw amountProblem(read.why, typed ?? '', scene, example);
  return read.minor;
}
