import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../src/domain/calendar.ts';
import { MemberAudiences } from '../../../src/domain/members/audiences.ts';
import { dmTarget } from '../../../src/bot/notices.ts';
import { MemberLinks, verifyLinkProof } from '../../../src/domain/members/member-links.ts';
import { TierBook, planTiers } from '../../../src/domain/members/tiers.ts';
import { computeMemberStats } from '../../../src/domain/members/member-stats.ts';
import { defaultMemberRules } from '../../../src/domain/playbook/members.ts';
import { paid, storeWith } from './member-store.ts';

const orders = () => [
  paid('ann', '2026-11-20', 12_000, { orderId: 'TB1001', phone: '13812345678' }),
  paid('ann', '2026-11-25', 8_000, { orderId: 'TB1002' }),
  paid('bob', '2026-11-20', 600_000, { orderId: 'TB2001', phone: '+86 139-0000-1111' }),
  paid('cat', '2026-06-01', 5_000, { orderId: 'TB3001' }),
];

describe('verifying a link', () => {
  it('accepts an order id that exists or a phone seen on orders (spaces, dashes, +86 ignored)', async () => {
    const { data } = await storeWith(orders());
    expect(verifyLinkProof(data.book, 'TB1002')).toEqual({ customer: 'ann', via: 'order' });
    expect(verifyLinkProof(data.book, '138 1234 5678')).toEqual({ customer: 'ann', via: 'phone' });
    expect(verifyLinkProof(data.book, '13900001111')).toEqual({ customer: 'bob', via: 'phone' });
  });

  it('refuses unknown orders, unknown phones and short digit strings', async () => {
    const { data } = await storeWith(orders());
    expect(verifyLinkProof(data.book, 'TB9999')).toBeUndefined();
    expect(verifyLinkProof(data.book, '13812345679')).toBeUndefined();
    expect(verifyLinkProof(data.book, '5678')).toBeUndefined();
    expect(verifyLinkProof(data.book, '')).toBeUndefined();
  });
});

describe('member links', () => {
  it('looks up both ways, persists, and opting out unlinks until the member links again', async () => {
    const { docs } = await storeWith(orders());
    const links = await MemberLinks.open(docs);
    await links.link('wechat:wxid_ann', 'ann', 'order', new Date('2026-11-13T02:00:00Z'));
    expect(links.byUser('wechat:wxid_ann')).toMatchObject({ customer: 'ann', optedOut: false, linkedAt: '2026-11-13T02:00:00.000Z' });
    expect(links.usersOf('ann')).toEqual(['wechat:wxid_ann']);
    expect((await MemberLinks.open(docs)).usersOf('ann')).toEqual(['wechat:wxid_ann']);

    await links.optOut('wechat:wxid_ann', new Date('2026-11-20T02:00:00Z'));
    expect(links.usersOf('ann')).toEqual([]);
    expect(links.isOptedOut('ann')).toBe(true);
    expect(links.byUser('wechat:wxid_ann')).toMatchObject({ optedOut: true, optedOutAt: '2026-11-20T02:00:00.000Z' });
    expect(await links.optOut('telegram:404', new Date())).toBeUndefined();

    await links.link('wechat:wxid_ann', 'ann', 'phone', new Date('2026-11-22T02:00:00Z'));
    expect(links.isOptedOut('ann')).toBe(false);
    // Linking again keeps the original join date.
    expect(links.byUser('wechat:wxid_ann')?.linkedAt).toBe('2026-11-13T02:00:00.000Z');
  });

  it('a book kept for the whole process sees links and tiers that replaced its lists (demo seeding)', async () => {
    const { docs } = await storeWith(orders());
    const links = await MemberLinks.open(docs);
    expect(links.usersOf('bob')).toEqual([]);
    const doc = await docs.open<{ links: Record<string, unknown> }>('members/links', { links: {} });
    doc.data.links = { 'telegram:7': { user: 'telegram:7', customer: 'bob', linkedAt: '2026-11-01T00:00:00.000Z', via: 'order', optedOut: false } };
    expect(links.usersOf('bob')).toEqual(['telegram:7']);
    const tiers = await TierBook.open(docs);
    expect(tiers.tierOf('bob')).toBe('member');
    const tierDoc = await docs.open<{ customers: string[]; codes: string }>('members/tiers', { customers: [], codes: '' });
    tierDoc.data.customers = ['bob'];
    tierDoc.data.codes = '2';
    expect(tiers.tierOf('bob')).toBe('gold');
  });

  it('builds the DM target from a qualified id', () => {
    expect(dmTarget('wechat:wxid_abc')).toBe('wechat:dm:wxid_abc');
    expect(dmTarget('slack:U1')).toBe('slack:dm:U1');
  });
});

describe('audiences', () => {
  it('select by purchase day, segment, tier, join day and link', async () => {
    const { data, docs, calendar } = await storeWith(orders());
    const today = parseDay('2026-11-27')!;
    const links = await MemberLinks.open(docs);
    await links.link('wechat:wxid_ann', 'ann', 'order', new Date('2026-11-13T02:00:00Z')); // 14 days ago in Shanghai
    await links.link('telegram:7', 'bob', 'order', new Date('2026-11-26T02:00:00Z'));
    await links.link('slack:U9', 'cat', 'order', new Date('2026-11-13T03:00:00Z'));
    await links.optOut('slack:U9', new Date('2026-11-14T03:00:00Z'));
    const tiers = await TierBook.open(docs);
    const rules = defaultMemberRules();
    const stats = computeMemberStats(data, today, { spendDays: 365, rfmDays: 365 });
    await tiers.apply(planTiers(stats, tiers.codes(data.book), rules, undefined), data.book, new Date());

    const aud = await MemberAudiences.open({ data, docs, calendar, today, rules });
    const names = (ids: Int32Array) => [...ids].map((c) => data.book.customers.names[c]).sort();
    expect(names(aud.purchasedDaysAgo(7))).toEqual(['ann', 'bob']);
    expect(names(aud.purchasedDaysAgo(2))).toEqual(['ann']);
    expect(names(aud.purchasedDaysAgo(3))).toEqual([]);
    expect(names(aud.purchasedWithin(1, 7))).toEqual(['ann', 'bob']);
    expect(names(aud.inSegment('new'))).toEqual(['ann', 'bob']);
    expect(names(aud.inSegment('sleeping'))).toEqual(['cat']);
    expect(names(aud.inTier('gold'))).toEqual(['bob']);
    expect(names(aud.inTier('member'))).toEqual(['ann', 'cat']);
    expect(names(aud.joinedDaysAgo(14))).toEqual(['ann']);
    expect(names(aud.joinedDaysAgo(1))).toEqual(['bob']);
    expect(names(aud.allLinked())).toEqual(['ann', 'bob']);
  });
});
