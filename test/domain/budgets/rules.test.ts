import { describe, expect, it } from 'vitest';
import type { MonthBudget } from '../../../src/domain/budgets/budget.ts';
import type { MonthFigures } from '../../../src/domain/budgets/figures.ts';
import { checkAllocation, checkChange, isFrozen } from '../../../src/domain/budgets/rules.ts';
import { budgetRules, defaultBudgetRules } from '../../../src/domain/playbook/budgets.ts';

// Budgets in minor units: a 100,000.00 month is 10,000,000 fen.
const Y = 100;
const rules = defaultBudgetRules();
const budget = (channels: Record<string, number>, total = 100_000 * Y): MonthBudget => ({ month: '2026-11', total, channels, setBy: 'console:bob', setAt: '2026-11-01T00:00:00Z' });
const figures = (spend: Record<string, number> = {}, gmv: Record<string, number> = {}): MonthFigures => {
  const roi: Record<string, number | null> = {};
  for (const [ch, s] of Object.entries(spend)) roi[ch] = s > 0 ? (gmv[ch] ?? 0) / s : null;
  return { month: '2026-11', elapsed: 0.5, spend, gmv, roi, totalSpend: Object.values(spend).reduce((a, b) => a + b, 0) };
};
const plan = { douyin: 20_000 * Y, xiaohongshu: 15_000 * Y, tmall: 15_000 * Y };

describe('budget caps and reserve', () => {
  it('holds Douyin to 25%, Xiaohongshu to 20% and any other channel to 15%', () => {
    expect(checkAllocation(100_000 * Y, { douyin: 25_000 * Y, xiaohongshu: 20_000 * Y, tmall: 15_000 * Y }, rules)).toEqual([]);
    const broken = checkAllocation(100_000 * Y, { douyin: 25_001 * Y, xiaohongshu: 20_001 * Y, jd: 15_001 * Y }, rules);
    expect(broken.map((v) => (v.rule === 'cap' ? `${v.channel}:${v.cap}` : v.rule))).toEqual(['douyin:0.25', 'jd:0.15', 'xiaohongshu:0.2']);
  });

  it('keeps 10% of the month unallocated', () => {
    const full = { douyin: 25_000 * Y, xiaohongshu: 20_000 * Y, tmall: 15_000 * Y, jd: 15_000 * Y, wechat: 15_000 * Y }; // 90%
    expect(checkAllocation(100_000 * Y, full, rules)).toEqual([]);
    const over = checkAllocation(100_000 * Y, { ...full, pinduoduo: 1 * Y }, rules);
    expect(over).toEqual([{ rule: 'reserve', reserveShare: expect.closeTo(0.09999, 4), reserve: 0.1 }]);
  });

  it('flags an increase past the Douyin cap, and not one within it', () => {
    const ok = checkChange(budget(plan), { kind: 'increase', month: '2026-11', channel: 'douyin', amount: 5_000 * Y }, figures(), rules);
    expect(ok.ok && ok.violations).toEqual([]);
    const over = checkChange(budget(plan), { kind: 'increase', month: '2026-11', channel: 'douyin', amount: 20_000 * Y }, figures(), rules);
    expect(over.ok && over.after.douyin).toBe(40_000 * Y);
    expect(over.ok && over.violations).toEqual([{ rule: 'cap', channel: 'douyin', share: 0.4, cap: 0.25 }]);
  });

  it('does not blame a decrease for a cap that was already broken', () => {
    const c = checkChange(budget({ ...plan, tmall: 30_000 * Y }), { kind: 'decrease', month: '2026-11', channel: 'tmall', amount: 5_000 * Y }, figures(), rules);
    expect(c.ok && c.violations).toEqual([]);
  });

  it('refuses to take more than a channel has', () => {
    const c = checkChange(budget(plan), { kind: 'move', month: '2026-11', from: 'tmall', channel: 'douyin', amount: 16_000 * Y }, figures(), rules);
    expect(c).toEqual({ ok: false, short: { channel: 'tmall', has: 15_000 * Y } });
    const moved = checkChange(budget(plan), { kind: 'move', month: '2026-11', from: 'tmall', channel: 'douyin', amount: 5_000 * Y }, figures(), rules);
    expect(moved.ok && moved.after).toEqual({ ...plan, tmall: 10_000 * Y, douyin: 25_000 * Y });
  });
});

describe('ROI and overspend', () => {
  it('flags more budget for a channel whose ROI is below 1.5', () => {
    const f = figures({ xiaohongshu: 1_000 * Y, douyin: 1_000 * Y }, { xiaohongshu: 1_400 * Y, douyin: 1_500 * Y });
    const low = checkChange(budget(plan), { kind: 'increase', month: '2026-11', channel: 'xiaohongshu', amount: 1_000 * Y }, f, rules);
    expect(low.ok && low.violations).toEqual([{ rule: 'roi', channel: 'xiaohongshu', roi: 1.4, min: 1.5 }]);
    const fine = checkChange(budget(plan), { kind: 'increase', month: '2026-11', channel: 'douyin', amount: 1_000 * Y }, f, rules);
    expect(fine.ok && fine.violations).toEqual([]);
  });

  it('freezes non-core channels once month spend is more than 10% over budget', () => {
    const b = budget(plan);
    const at10 = figures({ tmall: 110_000 * Y }, { tmall: 500_000 * Y });
    expect(isFrozen(b, at10, rules)).toBe(false);
    const over = figures({ tmall: 110_001 * Y }, { tmall: 500_000 * Y });
    expect(isFrozen(b, over, rules)).toBe(true);
    const douyin = checkChange(b, { kind: 'move', month: '2026-11', from: 'xiaohongshu', channel: 'douyin', amount: 100 * Y }, over, rules);
    expect(douyin.ok && douyin.violations.map((v) => v.rule)).toEqual(['frozen']);
    // JD is a core channel: it stays open.
    const jd = checkChange(b, { kind: 'move', month: '2026-11', from: 'xiaohongshu', channel: 'jd', amount: 100 * Y }, over, rules);
    expect(jd.ok && jd.violations).toEqual([]);
  });
});

describe('budget rules from the playbook file', () => {
  it('takes overrides from the file and defaults for the rest', () => {
    const r = budgetRules({ budgets: { caps: { douyin: 0.3 }, minRoi: 1.2, approvalHours: 24 } });
    expect(r.caps.douyin).toBe(0.3);
    expect(r.minRoi).toBe(1.2);
    expect(r.approvalHours).toBe(24);
    expect(r.reserve).toBe(0.1);
    expect(() => budgetRules({ budgets: { reserve: 2 } })).toThrow(/budgets\.reserve/);
  });
});
