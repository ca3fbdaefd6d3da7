import { describe, expect, it } from 'vitest';
import { checkPlaybook } from '../../src/domain/playbook/check.ts';
import { budgetApp } from './budgets/budget-app.ts';
import { said } from './members/member-app.ts';

// Issue 13 point 5: dates years ahead (or over already, where that makes no sense) and money past the
// playbook's limit are refused with an example, in the asker's language, and nothing is written.

describe('bounds on dates', () => {
  it('checklist start: not past, not beyond the years ahead', async () => {
    const t = await budgetApp();
    const far = said(await t.say('bob', 'checklist start double11 9999-12-31'));
    expect(far).toMatch(/9999-12-31 is too far ahead: at most 3 years, up to 2029-11-2\d/);
    expect(far).toMatch(/For example: checklist start/);
    expect(said(await t.say('bob', '启动清单 双11 9999-12-31'))).toMatch(/9999-12-31 太远了：最多只能设到 3 年内/);
    expect(said(await t.say('bob', 'checklist start double11 2025-11-11'))).toContain('2025-11-11 is in the past; pick today (2026-11-20) or a later date');
    expect(t.app.services.audit.latest(10, 'checklist')).toEqual([]);
    // Within the bound it starts.
    expect((await t.say('bob', 'checklist start double11 2027-11-11')).data).toMatchObject({ checklist: expect.any(Number) });
  });

  it('budget months: set may correct a past month but not one years ahead; a request needs a month not over', async () => {
    const t = await budgetApp();
    expect(said(await t.say('bob', 'budget set 9999-12 total 100000 douyin 20000'))).toMatch(/9999-12 is too far ahead: at most 3 years, up to 2029-11/);
    expect(said(await t.say('bob', '预算 设置 2031-01 总额 100000'))).toContain('2031-01 太远了');
    expect((await t.say('bob', 'budget set 2026-10 total 100000 douyin 20000')).data).toMatchObject({ month: '2026-10' });
    expect(said(await t.say('alice', 'budget request 2026-10 douyin +1000 late'))).toContain('2026-10 is over; pick this month or a later one');
    expect(t.app.services.audit.latest(10, 'budget.').map((e) => e.kind)).toEqual(['budget.set']);
  });
});

describe('bounds on money', () => {
  it('follow the playbook (limits.maxAmount), and the playbook itself is checked', async () => {
    const t = await budgetApp();
    t.app.services.playbook.limits.maxAmount = 5_000_000; // ¥50,000
    const r = said(await t.say('bob', 'budget set 2026-11 total 60000 douyin 10000'));
    expect(r).toContain('"60000" is implausibly large: the limit is ¥50,000.00');
    expect((await t.say('bob', 'budget set 2026-11 total 50000 douyin 10000')).data).toMatchObject({ total: 5_000_000 });
    expect(said(await t.say('bob', 'budget request douyin +6万'))).toContain('「+6万」大得不合理：上限是 ¥50,000.00');
    expect(() => checkPlaybook({ limits: { maxAmount: 1.5 } })).toThrow(/limits\.maxAmount: a whole number of fen/);
    expect(() => checkPlaybook({ limits: { maxYearsAhead: 100 } })).toThrow(/limits\.maxYearsAhead: at most 20 years/);
  });
});
