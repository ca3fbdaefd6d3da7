import { describe, expect, it } from 'vitest';
import type { MonthBudget } from '../../../src/domain/budgets/budget.ts';
import type { MonthFigures } from '../../../src/domain/budgets/figures.ts';
import { budgetStatus } from '../../../src/domain/budgets/status.ts';
import { defaultBudgetRules } from '../../../src/domain/playbook/budgets.ts';

const Y = 100;
const rules = defaultBudgetRules();
const budget: MonthBudget = { month: '2026-11', total: 100_000 * Y, channels: { douyin: 20_000 * Y, xiaohongshu: 15_000 * Y, tmall: 15_000 * Y, jd: 10_000 * Y }, setBy: 'console:bob', setAt: '2026-11-01T00:00:00Z' };

function figures(elapsed: number, rows: Record<string, [spend: number, gmv: number]>): MonthFigures {
  const f: MonthFigures = { month: '2026-11', elapsed, spend: {}, gmv: {}, roi: {}, totalSpend: 0 };
  for (const [ch, [s, g]] of Object.entries(rows)) {
    f.spend[ch] = s * Y;
    f.gmv[ch] = g * Y;
    f.roi[ch] = g / s;
    f.totalSpend += s * Y;
  }
  return f;
}

describe('budget lights', () => {
  const s = budgetStatus(
    budget,
    figures(0.5, {
      douyin: [10_000, 30_000], // 50% spent at half time, ROI 3: green
      xiaohongshu: [7_000, 9_000], // ROI 1.29: red, propose pausing
      tmall: [12_000, 60_000], // 80% spent at half time: yellow, ahead of pace
      jd: [11_500, 40_000], // 115% of budget: red, over budget
      wechat: [500, 5_000], // spending without a budget: red
    }),
    rules,
  );
  const by = Object.fromEntries(s.channels.map((c) => [c.channel, c]));

  it('gives each channel a light with the reason', () => {
    expect(by.douyin.light).toBe('green');
    expect(by.douyin.reasons).toEqual([{ code: 'on_track' }]);
    expect(by.xiaohongshu.light).toBe('red');
    expect(by.xiaohongshu.reasons[0]).toMatchObject({ code: 'roi_low', min: 1.5 });
    expect(by.tmall.light).toBe('yellow');
    expect(by.tmall.reasons).toEqual([{ code: 'ahead', spendShare: 0.8, elapsed: 0.5 }]);
    expect(by.jd.light).toBe('red');
    expect(by.jd.reasons[0]).toMatchObject({ code: 'over_budget', over: expect.closeTo(0.15, 6) });
    expect(by.wechat.light).toBe('red');
    expect(by.wechat.reasons).toEqual([{ code: 'no_budget' }]);
  });

  it('sums the month: allocation, reserve, spend and pacing', () => {
    expect(s.allocated).toBe(60_000 * Y);
    expect(s.reserve).toBe(40_000 * Y);
    expect(s.totalSpend).toBe(41_000 * Y);
    expect(by.douyin.spendShare).toBe(0.5);
    expect(by.douyin.share).toBe(0.2);
    expect(s.frozen).toBe(false);
  });

  it('marks non-core channels frozen when the month is overspent by more than 10%', () => {
    const over = budgetStatus(budget, figures(0.9, { tmall: [111_000, 500_000] }), rules);
    expect(over.frozen).toBe(true);
    const douyin = over.channels.find((c) => c.channel === 'douyin')!;
    expect(douyin.reasons).toContainEqual({ code: 'frozen' });
    expect(over.channels.find((c) => c.channel === 'tmall')!.reasons).not.toContainEqual({ code: 'frozen' });
  });
});
