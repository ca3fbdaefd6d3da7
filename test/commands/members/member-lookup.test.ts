import { describe, expect, it } from 'vitest';
import { memberApp, paid, said } from './member-app.ts';

// Issue 13 point 4: a member look-up needs a role, is rationed per person and hour, and is audited with the query masked.

const orders = () => [paid('jane@example.com', '2026-11-20', 120_000, { orderId: 'TB1001', phone: '13800130050' }), paid('bob', '2026-10-02', 600_000, { orderId: 'TB2001', phone: '13900001111' })];

describe('member look-ups', () => {
  it('are refused to someone without a member role, in a DM too, and nothing about the customer is shown', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', orders(), 'en');
    for (const ask of [() => bot.dm('sam', 'member 13800130050'), () => bot.say('sam', '会员 13800130050')]) {
      const r = await ask();
      expect(r.data).toMatchObject({ error: 'forbidden', command: 'member' });
      expect(said(r)).not.toMatch(/jane|0050|1,200/);
    }
    expect(bot.app.services.audit.latest(10, 'member')).toEqual([]);
    // Every role that works with customers may look them up; admins hold every role.
    for (const [user, role] of [['ag', 'cs_agent'], ['lead', 'cs_lead'], ['mo', 'ops_manager']] as const) {
      await bot.app.services.access.grant(`console:${user}`, role);
      expect((await bot.dm(user, 'member 13800130050')).data).toMatchObject({ customer: 'jane@example.com' });
    }
    expect((await bot.dm('admin', 'member bob')).data).toMatchObject({ customer: 'bob' });
  });

  it('are audited: who asked, where, for what (masked) and whether it matched', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', orders(), 'zh');
    await bot.dm('cm', '会员 13800130050');
    await bot.say('cm', 'member jane@example.com');
    await bot.say('cm', '会员 13911112222');
    const [miss, mail, phone] = bot.app.services.audit.latest(10, 'member');
    expect(phone).toMatchObject({ kind: 'member.lookup', user: 'console:cm', conversation: 'console:dm:cm', data: { query: '138****0050', found: true, customer: 'j***@example.com' } });
    expect(mail).toMatchObject({ kind: 'member.lookup', conversation: 'console:ops-room', data: { query: 'j***@example.com', found: true } });
    expect(miss).toMatchObject({ kind: 'member.lookup', data: { query: '139****2222', found: false } });
    // The log holds no full phone or address, whatever was asked.
    expect(JSON.stringify(bot.app.services.audit.latest(10))).not.toMatch(/13800130050|13911112222|jane@/);
    // And the audit command shows them to an ops manager.
    expect(said(await bot.say('mo', 'audit member'))).toContain('member.lookup');
  });

  it('are limited per person and hour (playbook members.lookupsPerHour); the refusal says when to try again', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', orders(), 'en');
    bot.app.services.playbook.members.lookupsPerHour = 3;
    bot.at('2026-11-27T10:00:00+08:00');
    expect((await bot.dm('cm', 'member bob')).data).toMatchObject({ customer: 'bob' });
    bot.at('2026-11-27T10:20:00+08:00');
    expect((await bot.dm('cm', 'member 13900000001')).data).toMatchObject({ error: 'member_unknown' }); // misses count too
    bot.at('2026-11-27T10:40:00+08:00');
    expect((await bot.dm('cm', 'member bob')).data).toMatchObject({ customer: 'bob' });
    const refused = await bot.dm('cm', 'member 13800130050');
    expect(refused.data).toMatchObject({ error: 'lookup_limit' });
    expect(said(refused)).toMatch(/at most 3 an hour.*after 2026-11-27 11:00/);
    expect(said(refused)).not.toContain('jane');
    expect(bot.app.services.audit.latest(1, 'member')[0]).toMatchObject({ kind: 'member.lookup_refused', data: { query: '138****0050' } });
    // Someone else is not held back by it; in Chinese the refusal says the same.
    expect((await bot.dm('mo', 'member bob')).data).toMatchObject({ customer: 'bob' });
    expect(said(await bot.dm('cm', '会员 bob'))).toMatch(/每人每小时最多 3 次.*11:00/);
    // An hour after the first look-up one more is allowed, and only one.
    bot.at('2026-11-27T11:00:00+08:00');
    expect((await bot.dm('cm', 'member bob')).data).toMatchObject({ customer: 'bob' });
    expect((await bot.dm('cm', 'member bob')).data).toMatchObject({ error: 'lookup_limit' });
  });

  it('mask e-mails and phones in a group, not in a DM', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', orders(), 'en');
    const group = said(await bot.say('cm', 'member 13800130050'));
    expect(group).toContain('j***@example.com');
    expect(group).toContain('138****0050');
    expect(group).not.toMatch(/jane|13800130050/);
    const dm = said(await bot.dm('cm', 'member 13800130050'));
    expect(dm).toContain('jane@example.com');
    expect(dm).toContain('13800130050');
  });
});
