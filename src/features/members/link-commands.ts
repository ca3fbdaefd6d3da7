import { z } from 'zod';
import { MAX_FAILED_LINKS_PER_DAY } from '../../domain/members/link-attempts.ts';
import { verifyLinkProof } from '../../domain/members/member-links.ts';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';

// Members link their chat identity to their store customer record in a DM, by an order number
// or a phone seen on imported orders; 「退订」 / stop / unsubscribe opts them out and unlinks.
// In a group the bot never takes (or echoes) a phone: it asks for a DM instead.

const EXAMPLE = { zh: '绑定 TB20261101001', en: 'link TB20261101001' };

export const linkCommand = defineCommand({
  id: 'member.link',
  phrases: { zh: ['绑定', '绑定会员'], en: ['link', 'link member'] },
  summary: { zh: '私聊绑定会员（订单号或手机号）', en: 'Link your member account in a DM (order number or phone)' },
  examples: { zh: [EXAMPLE.zh], en: [EXAMPLE.en] },
  role: 'staff',
  args: z.object({ proof: z.string().max(120) }),
  parse: (rest) => ({ proof: rest.trim() }),
  async handle(ctx, a) {
    const { services, lang, incoming } = ctx;
    const t = say(lang);
    if (!incoming.direct) {
      return {
        lang,
        blocks: [text(t('为保护隐私，请私聊我发送「绑定 订单号」或「绑定 手机号」完成绑定，不要在群里发手机号哦。', 'To keep your details private, please send me "link ORDER-NUMBER" or "link PHONE" in a direct message, not in the group.'), 'warning')],
        data: { error: 'link_needs_dm' },
      };
    }
    if (!a.proof) throw problem('link_empty', '请在「绑定」后写订单号或下单手机号。', 'Write your order number or the phone used on your orders after "link".', EXAMPLE);
    const attempts = await services.books.linkAttempts();
    const today = services.calendar.dayOf(services.clock.now().getTime());
    if (!attempts.allowed(incoming.user, today)) {
      throw problem('link_too_many', `今天已经试错 ${MAX_FAILED_LINKS_PER_DAY} 次了，请明天再试，或联系客服。`, `That is ${MAX_FAILED_LINKS_PER_DAY} failed tries today; please try again tomorrow or contact customer service.`);
    }
    const proof = verifyLinkProof(services.data.book, a.proof);
    if (!proof) {
      const failures = await attempts.failed(incoming.user, today);
      const left = Math.max(0, MAX_FAILED_LINKS_PER_DAY - failures);
      throw problem('link_unverified', `没找到这个订单号或手机号对应的订单，请检查后再试（今天还可以试 ${left} 次）。`, `No order matches that order number or phone; please check it and try again (${left} more tries today).`, EXAMPLE);
    }
    await attempts.succeeded(incoming.user);
    const links = await services.books.memberLinks();
    const link = await links.link(incoming.user, proof.customer, proof.via, services.clock.now());
    await services.audit.record({ kind: 'member.link', user: incoming.user, conversation: incoming.conversation, summary: `linked to ${proof.customer} via ${proof.via}` });
    return {
      lang,
      blocks: [text(t('绑定成功！之后的会员权益和优惠券会私信发给你。回复「退订」可随时取消。', 'Linked! Member benefits and coupons will come to you here. Reply "stop" at any time to opt out.'))],
      data: { linked: true, customer: link.customer, via: link.via, linkedAt: link.linkedAt },
    };
  },
});

export const optOutCommand = defineCommand({
  id: 'member.optout',
  phrases: { zh: ['退订', '取消订阅'], en: ['stop', 'unsubscribe'] },
  summary: { zh: '退订会员消息（并解除绑定）', en: 'Stop member messages (and unlink)' },
  examples: { zh: ['退订'], en: ['stop'] },
  role: 'staff',
  // Only the bare word: "stop" followed by other words is not an opt-out.
  args: z.object({ rest: z.literal('') }),
  parse: (rest) => ({ rest: rest.trim() }),
  async handle(ctx) {
    const { services, lang, incoming } = ctx;
    const t = say(lang);
    const links = await services.books.memberLinks();
    const link = await links.optOut(incoming.user, services.clock.now());
    if (!link) return { lang, blocks: [text(t('你还没有绑定会员，我们不会给你发送会员消息。', 'You are not linked as a member, so we send you no member messages.'))], data: { optedOut: false, linked: false } };
    await services.audit.record({ kind: 'member.optout', user: incoming.user, conversation: incoming.conversation, summary: `opted out (${link.customer})` });
    return { lang, blocks: [text(t('已退订并解除绑定，不会再收到会员消息。想恢复可再次发送「绑定 订单号」。', 'You are unsubscribed and unlinked; no more member messages. Send "link ORDER-NUMBER" to join again.'))], data: { optedOut: true, customer: link.customer } };
  },
});
