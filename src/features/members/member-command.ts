import { codesPushedTo } from '../../domain/campaigns/campaign-run.ts';
import { z } from 'zod';
import { formatDay } from '../../domain/calendar.ts';
import { NO_DAY } from '../../domain/members/member-stats.ts';
import { SEGMENTS } from '../../domain/members/rfm.ts';
import { TIERS } from '../../domain/members/tiers.ts';
import { problem } from '../../bot/errors.ts';
import { formatMoney } from '../shared/format.ts';
import { say } from '../../chat/lang.ts';
import { text, type Block } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { couponHistory, findMember } from './find-member.ts';
import { admitLookup, auditLookup, LOOKUP_EXAMPLE } from './member-lookup.ts';
import { maskForGroup, maskForGroupText, memberWorld, segmentName, segmentPlay, tierName } from './member-context.ts';
import { count } from '../shared/counts.ts';

// `member C00042` / `会员 13812345678`: a member's tier, spend, RFM scores, segment, link and
// coupon history. Phones (and e-mails) are masked when asked in a group. It needs a role
// that works with members, is rationed per person and audited (member-lookup.ts).

const EXAMPLE = LOOKUP_EXAMPLE;

export const memberCommand = defineCommand({
  id: 'member',
  phrases: { zh: ['会员', '查会员'], en: ['member'] },
  summary: { zh: '查看会员（等级、消费、RFM、优惠券）', en: 'Show a member (tier, spend, RFM, coupons)' },
  examples: { zh: [EXAMPLE.zh], en: [EXAMPLE.en] },
  role: 'community',
  alsoRoles: ['cs_agent', 'cs_lead', 'ops_manager'],
  args: z.object({ query: z.string().min(1, 'a customer id, phone or e-mail').max(200) }),
  parse: (rest) => ({ query: rest.trim() }),
  async handle(ctx, a) {
    const { services, lang } = ctx;
    const t = say(lang);
    const book = services.data.book;
    await admitLookup(ctx, a.query);
    const w = await memberWorld(services);
    const c = findMember(book, w.links, a.query, ctx.incoming.platform);
    const direct = ctx.incoming.direct;
    await auditLookup(ctx, a.query, c === undefined ? undefined : book.customers.names[c]);
    if (c === undefined) {
      const shown = direct ? a.query : maskForGroupText(a.query);
      throw problem('member_unknown', `没找到会员「${shown}」。可用客户 id、手机号或邮箱查询。`, `No member "${shown}". Look up by customer id, phone or e-mail.`, EXAMPLE);
    }
    const name = book.customers.names[c];
    const { stats, rfm, plan } = w.evaluation;
    const money = (v: number) => formatMoney(v, services.store.currency, lang);
    const stored = TIERS[plan.current[c] ?? 0];
    const next = TIERS[plan.next[c]];
    const seg = SEGMENTS[rfm.segment[c]];
    const users = w.links.usersOf(name);
    const optedOut = w.links.isOptedOut(name);
    const phone = book.phones.get(c);
    const coupons = couponHistory(book, c);
    const last = stats.lastPaid[c];
    const blocks: Block[] = [
      text(t(`会员 ${name}`, `Member ${name}`), 'heading'),
      {
        type: 'figures',
        items: [
          { label: t('等级', 'Tier'), value: tierName(stored, lang) + (next !== stored ? t(`（下次重算：${tierName(next, lang)}）`, ` (next run: ${tierName(next, lang)})`) : '') },
          { label: t('近12个月消费', 'Spend, last 12 months'), value: money(stats.spend[c]) },
          { label: 'R / F / M', value: `${rfm.r[c]} / ${rfm.f[c]} / ${rfm.m[c]}` },
          { label: t('分层', 'Segment'), value: t(`${segmentName(seg, lang)}（${segmentPlay(seg, lang)}）`, `${segmentName(seg, lang)} (${segmentPlay(seg, lang)})`) },
          { label: t('最近购买', 'Last purchase'), value: last === NO_DAY ? '—' : formatDay(last) },
          { label: t('窗口内订单', 'Orders in window'), value: count(stats.rfmOrders[c]) },
          ...(phone ? [{ label: t('手机', 'Phone'), value: phone }] : []),
          { label: t('绑定', 'Linked'), value: optedOut ? t('已退订', 'opted out') : users.length ? users.join(', ') : t('未绑定', 'not linked') },
        ],
      },
      text(coupons.length ? t('优惠券记录：\n', 'Coupon history:\n') + coupons.slice(0, 10).map((u) => `${u.day === NO_DAY ? '—' : formatDay(u.day)} ${u.code} · ${money(u.amount)}`).join('\n') : t('暂无优惠券记录。', 'No coupons used yet.'), 'normal'),
    ];
    // Codes pushed by campaigns, and whether an imported order carried each one.
    const used = new Set(coupons.map((u) => u.code));
    const pushed = await codesPushedTo(services.docs, name);
    if (pushed.length) {
      const when = (iso: string) => services.calendar.formatTime(Date.parse(iso));
      blocks.push(text(t('活动发券：\n', 'Pushed by campaigns:\n') + pushed.slice(-10).map((p) => `${when(p.at)} #${p.campaign} ${p.code} · ${used.has(p.code) ? t('已核销', 'redeemed') : t('未核销', 'not redeemed')}`).join('\n')));
    }
    return {
      lang,
      blocks: maskForGroup(blocks, direct),
      data: { customer: name, tier: stored, nextTier: next, spend: stats.spend[c], r: rfm.r[c], f: rfm.f[c], m: rfm.m[c], segment: seg, linked: users, optedOut, coupons: coupons.map((u) => u.code), pushed: pushed.map((p) => ({ campaign: p.campaign, code: p.code, redeemed: used.has(p.code) })), phone: phone ? (direct ? phone : maskForGroupText(phone)) : undefined },
    };
  },
});
