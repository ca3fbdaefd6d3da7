import { describe, expect, it } from 'vitest';
import { ApprovalBook } from '../../../src/domain/approvals/approval-book.ts';
import { budgetApp, texts } from './budget-app.ts';

// Time passes: managers are reminded halfway, the request expires at 48 hours with a note
// in its thread, each once, and a tick after downtime still finds what it missed.

describe('budget request reminders and expiry', () => {
  it('reminds managers at 24 hours and expires at 48, each once', async () => {
    const t = await budgetApp('2026-11-20T10:00:00+08:00');
    await t.say('bob', 'budget set 2026-11 total 100000 douyin 20000 xiaohongshu 15000 tmall 15000 jd 10000');
    await t.say('alice', 'budget request douyin +2000 for live streams');

    expect(await t.tick('2026-11-21T09:59:00+08:00')).toBe('');
    const reminder = await t.tick('2026-11-21T10:00:00+08:00');
    expect(reminder).toContain('#1 2026-11 budget: Douyin +¥2,000.00');
    expect(reminder).toContain("Reminder: @alice's request still awaits a decision and expires at 2026-11-22 10:00. @bob @carol");
    expect(reminder).toContain('approve 1');
    const entry = t.app.services.outboxStore.byKey('approval:1:remind');
    expect(entry).toMatchObject({ conversation: 'console:ops-room', thread: 'm-102', state: 'sent' });
    expect((entry?.payload as { mentions: string[] }).mentions).toEqual(['console:bob', 'console:carol']);
    expect(await t.tick('2026-11-21T16:00:00+08:00')).toBe('');

    expect(await t.tick('2026-11-22T09:59:00+08:00')).toBe('');
    const expired = await t.tick('2026-11-22T10:00:00+08:00');
    expect(expired).toContain('#1 expired at 2026-11-22 10:00 without a decision; nothing changed.');
    expect(await t.tick('2026-11-22T11:00:00+08:00')).toBe('');
    expect((await ApprovalBook.open(t.app.services.docs)).get(1)!.status).toBe('expired');
    expect(t.app.services.audit.latest(1, 'budget.')[0]).toMatchObject({ kind: 'budget.expire', user: 'system', data: { requestId: 1 } });

    const late = await t.press('bob', 'approve', '1');
    expect(late.ephemeral).toBe(true);
    expect(texts(late)).toContain('#1 expired');
  });

  it('after downtime past the expiry, sends the expiry note once and skips the stale reminder', async () => {
    const t = await budgetApp('2026-11-20T10:00:00+08:00');
    await t.say('bob', 'budget set 2026-11 total 100000 douyin 20000');
    await t.say('alice', 'budget request douyin +2000');
    const back = await t.tick('2026-11-23T08:00:00+08:00');
    expect(back).toContain('#1 expired at 2026-11-22 10:00');
    expect(back).not.toContain('Reminder');
    expect(back).toMatch(/late|迟/);
    expect(await t.tick('2026-11-23T09:00:00+08:00')).toBe('');
  });

  it('expires a request that a manager tries to approve after its time, even before a tick', async () => {
    const t = await budgetApp('2026-11-20T10:00:00+08:00');
    await t.say('bob', 'budget set 2026-11 total 100000 douyin 20000');
    await t.say('alice', 'budget request douyin +2000');
    t.setNow('2026-11-22T10:00:01+08:00');
    expect(texts(await t.say('carol', 'approve 1'))).toContain('#1 expired at 2026-11-22 10:00');
    expect(t.app.services.audit.latest(1, 'budget.')[0].kind).toBe('budget.expire');
    const budget = texts(await t.say('carol', 'budget'));
    expect(budget).toContain('¥20,000.00');
  });
});
