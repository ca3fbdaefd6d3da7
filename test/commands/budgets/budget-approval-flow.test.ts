import { describe, expect, it } from 'vitest';
import { ApprovalBook } from '../../../src/domain/approvals/approval-book.ts';
import { BudgetBook } from '../../../src/domain/budgets/budget-book.ts';
import { budgetApp, texts } from './budget-app.ts';

// A channel owner asks for budget in the ops room; managers decide in the same thread.

const SET = 'budget set 2026-11 total 100000 douyin 20000 xiaohongshu 15000 tmall 15000 jd 10000';

async function withBudget() {
  const t = await budgetApp();
  expect(texts(await t.say('bob', SET))).toContain('2026-11 budget set');
  const channels = async () => (await BudgetBook.open(t.app.services.docs)).month('2026-11')!.channels;
  return { ...t, channels };
}

describe('budgets in English', () => {
  it('lets only an ops manager set the month plan, checked against the caps', async () => {
    const t = await budgetApp();
    expect(texts(await t.say('alice', SET))).toContain('operations manager');
    const over = await t.say('bob', 'budget set 2026-11 total 100000 douyin 30000');
    expect(texts(over)).toMatch(/Not saved: Douyin would hold 30\.0% .*25\.0% cap/);
    expect(texts(await t.say('alice', 'budget'))).toContain('There is no budget for 2026-11 yet');
  });

  it('shows budget, spend, pacing, ROI and a light per channel', async () => {
    const t = await withBudget();
    const view = await t.say('alice', 'budget');
    const table = view.blocks.find((b) => b.type === 'table');
    const row = (name: string) => (table?.type === 'table' ? table.rows.find((r) => r[0] === name) : undefined);
    // 19 days of 1,000.00 against 20,000.00, with 19 days and 10 hours of 30 gone.
    expect(row('Douyin')).toEqual(['Douyin', '¥20,000.00', '20.0%', '¥19,000.00', '95.0% / 64.7%', '3.00', '🟡 spent 95.0% with 64.7% of the month gone']);
    // 19,000.00 spent of 15,000.00, at ROI 1.2.
    expect(row('Xiaohongshu')?.[6]).toBe('🔴 ROI 1.20 < 1.5: propose pausing; 26.7% over budget');
    expect(row('Tmall')?.[6]).toBe('🟢 on track');
    expect(view.data).toMatchObject({ currency: 'CNY', total: 100_000, allocated: 60_000, totalSpend: 57_000 });
  });

  it('posts an approval card in the thread; one of two managers pressing at once decides', async () => {
    const t = await withBudget();
    const card = await t.say('alice', 'budget request douyin +3000 for Double 11 live streams');
    expect(card.mentions).toEqual(['console:bob', 'console:carol']);
    expect(texts(card)).toContain('#1 2026-11 budget: Douyin +¥3,000.00');
    expect(texts(card)).toContain('@alice asks: Douyin +¥3,000.00 for Double 11 live streams');
    expect(texts(card)).toContain('Please decide: @bob @carol');
    expect(card.blocks.find((b) => b.type === 'choices')).toMatchObject({ choices: [{ action: { id: 'approve', value: '1' } }, { action: { id: 'reject', value: '1' } }] });
    expect(card.blocks.some((b) => b.type === 'text' && b.tone === 'warning')).toBe(false);
    const req = (await ApprovalBook.open(t.app.services.docs)).get(1)!;
    expect(req).toMatchObject({ conversation: 'console:ops-room', thread: 'm-102', requester: 'console:alice', status: 'pending' });

    expect(texts(await t.say('alice', 'approve 1'))).toContain('Only an operations manager can decide #1');
    expect(texts(await t.press('dave', 'approve', '1'))).toContain('Only an operations manager can decide #1');
    expect((await t.channels()).douyin).toBe(2_000_000);

    const [a, b] = await Promise.all([t.press('bob', 'approve', '1'), t.press('carol', 'approve', '1')]);
    const decided = [a, b].filter((r) => r.replaceOriginal);
    const told = [a, b].filter((r) => r.ephemeral);
    expect(decided).toHaveLength(1);
    expect(told).toHaveLength(1);
    // The store speaks Chinese by default; a press with no hint answers in the card's language.
    expect(decided[0].lang).toBe('en');
    expect(texts(decided[0])).toMatch(/#1 approved by @bob at 2026-11-20 10:00/);
    expect(texts(told[0])).toContain('#1 approved by @bob');
    expect((await t.channels()).douyin).toBe(2_300_000);
    const audit = t.app.services.audit.latest(10, 'budget.');
    expect(audit.map((e) => e.kind)).toEqual(['budget.approve', 'budget.request', 'budget.set']);
    expect(audit[0]).toMatchObject({ user: 'console:bob', data: { requestId: 1, override: false } });
    expect(texts(await t.say('carol', 'reject 1 too late'))).toContain('#1 approved by @bob');
    expect((await t.channels()).douyin).toBe(2_300_000);
  });

  it('refuses a manager deciding their own request', async () => {
    const t = await withBudget();
    await t.say('bob', 'budget request tmall -1000 for a slow week');
    expect(texts(await t.say('bob', 'approve 1'))).toContain('You asked for #1 yourself; another operations manager must decide it');
    expect(texts(await t.say('bob', 'reject 1'))).toContain('You asked for #1 yourself');
    expect(texts(await t.say('carol', 'approve 1'))).toContain('#1 approved by @carol');
    expect((await t.channels()).tmall).toBe(1_400_000);
  });

  it('needs an override with a reason to approve a request that breaks a rule', async () => {
    const t = await withBudget();
    const card = await t.say('alice', 'budget request douyin +10000 for Double 11');
    expect(card.blocks.filter((b) => b.type === 'text' && b.tone === 'warning').map((b) => (b.type === 'text' ? b.text : ''))).toEqual([
      "Breaks a rule: Douyin would hold 30.0% of the month's budget, over its 25.0% cap",
      'Approving needs an override with a reason: approve 1 override <reason>',
    ]);
    expect(texts(await t.say('bob', 'approve 1'))).toContain('#1 breaks a rule');
    expect(texts(await t.say('bob', 'approve 1 override'))).toContain('An override needs a reason');
    expect((await t.channels()).douyin).toBe(2_000_000);
    const ok = await t.say('bob', 'approve 1 override Double 11 live streams are the month');
    expect(texts(ok)).toContain('#1 approved with an override by @bob at 2026-11-20 10:00: Double 11 live streams are the month');
    expect((await t.channels()).douyin).toBe(3_000_000);
    const kinds = t.app.services.audit.latest(10, 'budget.').map((e) => e.kind);
    expect(kinds.slice(0, 2).sort()).toEqual(['budget.approve', 'budget.override']);
  });

  it('moves budget, and rejects with a reason; history says who asked, who decided and why', async () => {
    const t = await withBudget();
    await t.say('alice', 'budget request move 5000 from jd to douyin for live streams');
    await t.say('bob', 'approve 1');
    expect(await t.channels()).toMatchObject({ jd: 500_000, douyin: 2_500_000 });
    await t.say('alice', 'budget request tmall +2000 for a coupon push');
    expect(texts(await t.say('carol', 'reject 2 wait for the Double 12 plan'))).toContain('#2 rejected by @carol at 2026-11-20 10:00: wait for the Double 12 plan');
    expect((await t.channels()).tmall).toBe(1_500_000);
    const history = texts(await t.say('alice', 'budget history'));
    expect(history).toContain('#1 | move ¥5,000.00 from JD to Douyin — live streams | @alice | approved | @bob | —');
    expect(history).toContain('#2 | Tmall +¥2,000.00 — a coupon push | @alice | rejected | @carol | wait for the Double 12 plan');
    expect(history).toContain('plan set, total ¥100,000.00 | @bob');

    // Setting the month again replaces the plan whole, and says which approved change it undoes.
    const reset = texts(await t.say('bob', SET));
    expect(reset).toContain("This replaces the month's previous plan, including changes approved since:");
    expect(reset).toContain('Douyin ¥25,000.00 → ¥20,000.00');
    expect(reset).toContain('JD ¥5,000.00 → ¥10,000.00');
    expect(reset).not.toContain('Tmall ¥15,000.00 →'); // unchanged channels are not listed
    expect(texts(await t.say('bob', SET))).toContain('Same as the previous plan.');
  });

  it('answers bad input clearly and changes nothing', async () => {
    const t = await withBudget();
    const before = await t.channels();
    expect(texts(await t.say('alice', 'budget request mars +100'))).toContain('Unknown channel "mars"');
    expect(texts(await t.say('alice', 'budget request douyin +abc'))).toContain('"+abc" is not an amount');
    expect(texts(await t.say('alice', 'budget request douyin +9999999'))).toContain("more than the whole month's budget");
    // Issue 13 point 5: past the playbook's limit (¥10,000,000) or in exponent notation, refused with an example.
    expect(texts(await t.say('alice', 'budget request douyin +999999999'))).toMatch(/"\+999999999" is implausibly large: the limit is ¥10,000,000\.00.*For example: budget request douyin \+20000/s);
    expect(texts(await t.say('alice', 'budget request douyin +1e5'))).toContain('"+1e5" is exponent notation');
    expect(texts(await t.say('bob', 'budget set 2026-11 total 1e9'))).toContain('"1e9" is exponent notation');
    expect(texts(await t.say('bob', 'budget set 2026-11 total 100000 douyin 99999999999999999999'))).toContain('implausibly large');
    expect(texts(await t.say('bob', '预算 设置 2026-11 总额 100000 抖音 1e308'))).toContain('「1e308」是科学计数法');
    expect(texts(await t.say('alice', 'budget request move 20000 from jd to douyin'))).toContain('JD has only ¥10,000.00 of budget');
    expect(texts(await t.say('alice', 'budget request jd -20000'))).toContain('JD has only ¥10,000.00');
    expect(texts(await t.say('bob', 'approve 99'))).toContain('There is no request #99');
    expect(texts(await t.say('bob', 'approve x'))).toContain("couldn't read");
    expect(texts(await t.say('bob', 'budget set 2026-11 total abc'))).toContain('"total" needs an amount after it, got "abc"');
    expect(texts(await t.say('bob', 'budget set 2026-11 total 100000 mars 100'))).toContain('Unknown channel "mars"');
    expect(texts(await t.say('bob', 'budget set 2026-11 total 1000 douyin 2000'))).toContain('more than the total');
    expect(texts(await t.say('bob', 'budget set 2026-11 total 99999999999'))).toContain('implausibly large');
    expect(await t.channels()).toEqual(before);
    expect((await ApprovalBook.open(t.app.services.docs)).all()).toHaveLength(0);
    expect(t.app.services.audit.latest(10, 'budget.').map((e) => e.kind)).toEqual(['budget.set']);
  });
});
