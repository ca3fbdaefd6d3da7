import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../src/platforms/console/console-adapter.ts';
import { BudgetBook } from '../../../src/domain/budgets/budget-book.ts';
import { budgetApp } from './budget-app.ts';

// The whole flow typed into the terminal chat in Chinese: a manager sets the plan, a
// channel owner asks, the card's numbered choice is answered by another manager.

async function terminal(lines: string[]) {
  const t = await budgetApp();
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += c));
  const chat = new ConsoleAdapter({ user: 'bob', input, output, prompt: false });
  const done = chat.start((i) => t.app.bot.handle(i));
  input.end(lines.join('\n') + '\n');
  await done;
  return { out, t };
}

describe('预算（终端对话，中文）', () => {
  it('设置、申请、破例批准、驳回、记录', async () => {
    const { out, t } = await terminal([
      '预算 设置 2026-11 总额 100000 抖音 20000 小红书 15000 天猫 15000 京东 10000',
      ':as alice',
      '预算',
      '申请 抖音 预算 +10000 双11直播',
      ':as carol',
      '1',
      '批准 #1 破例 双11直播是本月重点',
      ':as alice',
      '申请 小红书 预算 +2000 种草笔记',
      ':as bob',
      '驳回 2 ROI太低',
      '批准 2',
      '申请 火星 预算 +100',
      '预算 记录',
    ]);
    expect(out).toContain('【已设置 2026-11 预算】');
    expect(out).toMatch(/小红书\s+¥15,000\.00\s+15\.0%\s+¥19,000\.00\s+126\.7% \/ 64\.7%\s+1\.20\s+🔴 ROI 1\.20 < 1\.5，建议暂停；已超预算 26\.7%/);
    expect(out).toContain('【#1 2026-11 预算：抖音 +¥10,000.00】');
    expect(out).toContain('@alice 申请：抖音 +¥10,000.00，用于 双11直播');
    expect(out).toContain('⚠ 违反规则：抖音将占月预算 30.0%，超过上限 25.0%');
    expect(out).toContain('请审批：@bob @carol');
    expect(out).toContain('1. 批准  → approve 1');
    // Pressing 1 (Approve) is not enough for a rule-breaking request.
    expect(out).toContain('#1 违反规则：抖音将占月预算 30.0%，超过上限 25.0%。如确需批准，请写明破例理由');
    expect(out).toContain('#1 已由 @carol 于 2026-11-20 10:00 破例批准，理由：双11直播是本月重点');
    expect(out).toContain('⚠ 违反规则：小红书 ROI 1.20 低于 1.5，建议暂停而非追加');
    expect(out).toContain('#2 已由 @bob 于 2026-11-20 10:00 驳回，理由：ROI太低');
    expect(out).toContain('#2 已由 @bob'); // the later 批准 2 hears who decided
    expect(out).toContain('不认识的渠道「火星」');
    expect(out).toMatch(/#1\s+从?抖音 \+¥10,000\.00 — 双11直播\s+@alice\s+已批准（破例）\s+@carol\s+双11直播是本月重点/);
    expect(out).toMatch(/#2\s+小红书 \+¥2,000\.00 — 种草笔记\s+@alice\s+已驳回\s+@bob\s+ROI太低/);
    const budget = (await BudgetBook.open(t.app.services.docs)).month('2026-11')!;
    expect(budget.channels).toMatchObject({ douyin: 3_000_000, xiaohongshu: 1_500_000 });
    expect(t.app.services.audit.latest(20, 'budget.').map((e) => e.kind)).toEqual(['budget.reject', 'budget.request', 'budget.override', 'budget.approve', 'budget.request', 'budget.set']);
  });
});
