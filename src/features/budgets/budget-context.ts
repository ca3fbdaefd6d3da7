import { z } from 'zod';
import { MONTH, type MonthBudget } from '../../domain/budgets/budget.ts';
import type { BudgetBook } from '../../domain/budgets/budget-book.ts';
import { monthFigures, monthOf, type MonthFigures } from '../../domain/budgets/figures.ts';
import type { BudgetRules } from '../../domain/playbook/budgets.ts';
import { problem } from '../../bot/errors.ts';
import type { Services } from '../../bot/services.ts';

// What every budget command starts from: the month asked about, its budget, what it
// has spent and earned so far, and the rules in force.

export interface BudgetScene {
  book: BudgetBook;
  month: string;
  budget: MonthBudget;
  figures: MonthFigures;
  rules: BudgetRules;
}

export const currentMonth = (services: Services) => monthOf(services.clock.now().getTime(), services.calendar);

export function readMonth(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(word.trim());
  if (!m) return undefined;
  const month = `${m[1]}-${m[2].padStart(2, '0')}`;
  return MONTH.test(month) ? month : undefined;
}

export async function budgetScene(services: Services, month = currentMonth(services)): Promise<BudgetScene> {
  const book = await services.books.budgets();
  const budget = book.month(month);
  if (!budget) {
    throw problem('no_budget', `${month} 还没有预算。运营经理可以这样设置：`, `There is no budget for ${month} yet. An ops manager can set one:`, {
      zh: `预算 设置 ${month} 总额 100000 抖音 20000 小红书 15000 天猫 15000`,
      en: `budget set ${month} total 100000 douyin 20000 xiaohongshu 15000 tmall 15000`,
    });
  }
  return { book, month, budget, figures: monthFigures(services.data, month, services.clock.now().getTime()), rules: services.playbook.budgets };
}

/** The optional month argument of `budget [2026-11]` and `budget history [2026-11]`. */
export const monthArg = z.object({ month: z.string().optional(), bad: z.string().optional() }).refine((a) => !a.bad, { message: 'a month like 2026-11' });
export const parseMonthArg = (rest: string) => (rest ? (readMonth(rest) ? { month: readMonth(rest) } : { bad: rest }) : {});
