import { describe, expect, it } from 'vitest';
import { memberApp, paid, said } from './member-app.ts';

const orders = () => [
  paid('ann', '2026-11-20', 120_000, { orderId: 'TB1001', phone: '13812345678', couponCode: 'HG-200-30' }),
  paid('bob', '2026-10-02', 600_000, { orderId: 'TB2001', phone: '13900001111' }),
  paid('cat', '2026-05-01', 5_000, { orderId: 'TB3001' }),
];

describe('members in Chinese', () => {
  it('links in a DM, previews tiers, applies on 确认 and queues one congratulation per upgraded linked member', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', orders(), 'zh');
    // In the group the bot asks for a DM and never echoes the phone.
    const inGroup = await bot.say('ann', '绑定 13812345678');
    expect(inGroup.data).toMatchObject({ error: 'link_needs_dm' });
    expect(said(inGroup)).not.toContain('13812345678');
    expect(said(inGroup)).toContain('私聊');
    expect((await bot.dm('ann', '绑定 13800000000')).data).toMatchObject({ error: 'link_unverified' });
    expect((await bot.dm('ann', '绑定 138 1234 5678')).data).toMatchObject({ linked: true, customer: 'ann', via: 'phone' });
    expect((await bot.dm('bob', '绑定 TB2001')).data).toMatchObject({ linked: true, customer: 'bob', via: 'order' });

    expect((await bot.say('sam', '会员等级 重算')).data).toMatchObject({ error: 'forbidden' });
    const preview = await bot.say('cm', '会员等级 重算');
    expect(preview.data).toMatchObject({ up: 2, down: 0, stay: 1, byTier: { silver: { after: 1 }, gold: { after: 1 } } });
    expect(said(preview)).toContain('升级 2 人');
    expect(preview.blocks.some((b) => b.type === 'choices')).toBe(true);
    // Nothing is stored before the confirmation.
    expect((await bot.say('cm', '会员 ann')).data).toMatchObject({ tier: 'member', nextTier: 'silver' });

    // Someone else's 确认 does not apply the community manager's preview.
    expect((await bot.say('mo', '确认')).data).toMatchObject({ error: 'confirm_none' });
    const applied = await bot.say('cm', '确认');
    expect(applied.data).toMatchObject({ applied: true, up: 2, congratulations: 2 });
    expect((await bot.say('cm', '确认')).data).toMatchObject({ error: 'confirm_none' });

    const store = bot.app.services.outboxStore;
    const gold = store.byKey('tier:bob:gold:2026-07-01');
    expect(gold?.conversation).toBe('console:dm:bob');
    expect(JSON.stringify(gold?.payload)).toContain('金卡');
    expect(store.byKey('tier:ann:silver:2026-07-01')?.conversation).toBe('console:dm:ann');
    const printed = await bot.tick();
    expect(printed).toContain('恭喜');
    expect(printed).toContain('金卡');
    expect(store.byKey('tier:bob:gold:2026-07-01')?.state).toBe('sent');

    // Running again finds nothing to move and queues nothing new.
    await bot.say('cm', '会员等级 重算');
    expect((await bot.say('cm', '确认')).data).toMatchObject({ applied: true, up: 0, congratulations: 0 });

    // Looking a member up needs a role that works with members (issue 13): plain staff are refused.
    expect((await bot.say('sam', '会员 13812345678')).data).toMatchObject({ error: 'forbidden', command: 'member' });
    const ann = await bot.say('cm', '会员 13812345678');
    expect(ann.data).toMatchObject({ customer: 'ann', tier: 'silver', linked: ['console:ann'], coupons: ['HG-200-30'] });
    expect(said(ann)).toContain('138****5678');
    expect(said(ann)).not.toContain('13812345678');
    expect(said(ann)).toContain('银卡');
    expect(said(ann)).toContain('HG-200-30');
    const inDm = await bot.dm('cm', '会员 ann');
    expect(said(inDm)).toContain('13812345678');

    expect((await bot.dm('ann', '退订')).data).toMatchObject({ optedOut: true, customer: 'ann' });
    expect((await bot.say('cm', '会员 ann')).data).toMatchObject({ optedOut: true, linked: [] });
    expect((await bot.say('mo', '会员 nobody')).data).toMatchObject({ error: 'member_unknown' });
  });

  it('shows segment sizes, revenue share and the change since the last run, as a table and a chart', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', orders(), 'zh');
    const first = await bot.say('sam', '会员分层');
    expect(first.data).toMatchObject({ previous: null, sizes: { new: { customers: 1 }, high_value_dormant: { customers: 0 }, sleeping: { customers: 1 } } });
    expect(first.blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['table', 'chart']));
    expect(said(first)).toContain('沉睡');
    // Seven weeks later ann is no longer new; the table shows the change.
    bot.at('2027-01-15T10:00:00+08:00');
    const second = await bot.say('sam', '会员分层');
    expect(second.data).toMatchObject({ previous: '2026-11-27', sizes: { new: { customers: 0 } } });
    const table = second.blocks.find((b) => b.type === 'table');
    const newRow = table && table.type === 'table' ? table.rows.find((r) => r[0] === '新客') : undefined;
    expect(newRow?.[3]).toBe('-1');
  });
});

describe('members in English', () => {
  it('lets an ops manager run tiers with the Confirm button; the preview expires after 10 minutes', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', orders(), 'en');
    const preview = await bot.say('mo', 'tiers run');
    expect(said(preview)).toContain('2 move up');
    const choices = preview.blocks.find((b) => b.type === 'choices');
    const confirm = choices && choices.type === 'choices' ? choices.choices[0].action : undefined;
    expect(confirm?.id).toBe('confirm');
    bot.at('2026-11-27T10:11:00+08:00');
    expect((await bot.press('mo', confirm!)).data).toMatchObject({ error: 'confirm_expired' });
    const again = await bot.say('mo', 'tiers run');
    const c2 = again.blocks.find((b) => b.type === 'choices');
    const action = c2 && c2.type === 'choices' ? c2.choices[0].action : undefined;
    // The stale button of the first preview cannot confirm the new one.
    expect((await bot.press('mo', confirm!)).data).toMatchObject({ error: 'confirm_other' });
    expect((await bot.press('mo', action!)).data).toMatchObject({ applied: true, up: 2, congratulations: 0 });
  });

  it('cancels, links in a DM, and stops on the bare word only', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', orders(), 'en');
    await bot.say('cm', 'tiers run');
    expect(said(await bot.say('cm', 'cancel'))).toContain('Cancelled');
    expect((await bot.say('cm', 'confirm')).data).toMatchObject({ error: 'confirm_none' });

    expect(said(await bot.say('bob', 'link 13900001111'))).toContain('direct message');
    expect((await bot.dm('bob', 'link TB2001')).data).toMatchObject({ linked: true });
    expect((await bot.dm('bob', 'stop sending')).data).toMatchObject({ error: 'bad_args' });
    expect((await bot.dm('bob', 'stop')).data).toMatchObject({ optedOut: true });
    expect((await bot.dm('zed', 'unsubscribe')).data).toMatchObject({ optedOut: false, linked: false });

    const seg = await bot.say('sam', 'segments');
    expect(said(seg)).toContain('high value & dormant');
    const member = await bot.say('mo', 'member bob');
    expect(member.data).toMatchObject({ tier: 'member', nextTier: 'gold', optedOut: true, segment: 'high_value_active' });
    expect(said(member)).toContain('139****1111');
    await bot.dm('ann', 'link 138 1234 5678');
    expect((await bot.say('mo', 'member @ann')).data).toMatchObject({ customer: 'ann', linked: ['console:ann'] });
    expect((await bot.say('mo', 'member @nobody')).data).toMatchObject({ error: expect.any(String) });
  });
});

describe('linking guards against guessing', () => {
  it('allows five failed tries a day per chat user, then refuses until the next store day, even with a right number', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', orders(), 'en');
    for (let i = 1; i <= 5; i++) {
      const r = await bot.dm('mallory', `link 1390000${String(i).padStart(4, '0')}`);
      expect(r.data).toMatchObject({ error: 'link_unverified' });
      expect(said(r)).toContain(`(${5 - i} more tries today)`);
    }
    expect((await bot.dm('mallory', 'link TB2001')).data).toMatchObject({ error: 'link_too_many' });
    expect((await bot.dm('bob', 'link TB2001')).data).toMatchObject({ linked: true }); // others are not held up
    bot.at('2026-11-28T00:05:00+08:00');
    expect((await bot.dm('mallory', 'link TB2001')).data).toMatchObject({ linked: true });
  });
});

describe('upgrade congratulations at night', () => {
  it('wait for the end of quiet hours (08:00 store time)', async () => {
    const bot = await memberApp('2026-11-27T23:30:00+08:00', orders(), 'en');
    await bot.dm('bob', 'link TB2001');
    await bot.say('cm', 'tiers run');
    expect((await bot.say('cm', 'confirm')).data).toMatchObject({ congratulations: 1 });
    const entry = bot.app.services.outboxStore.byKey('tier:bob:gold:2026-07-01');
    expect(entry?.notBefore ? new Date(entry.notBefore).toISOString() : undefined).toBe('2026-11-28T00:00:00.000Z');
    expect(await bot.tick()).not.toContain('Congratulations');
    bot.at('2026-11-28T08:01:00+08:00');
    expect(await bot.tick()).toContain('Congratulations');
  });
});
