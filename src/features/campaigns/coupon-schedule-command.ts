import { localIdOf } from '../../chat/address.ts';
import { threadOf } from '../../bot/notices.ts';
import { z } from 'zod';
import { formatDay } from '../../domain/calendar.ts';
import { planRun } from '../../domain/campaigns/campaign-run.ts';
import type { CampaignRules } from '../../domain/playbook/campaigns.ts';
import { decisionChoices } from '../approvals/approval-replies.ts';
import { askConfirmation, defineConfirmable } from '../confirm/pending-confirmations.ts';
import { formatMoney } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { text, type Block, type Reply } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { defineCommand, type CommandContext } from '../../bot/spec.ts';
import { CAMPAIGN_APPROVAL } from './campaign-approval.ts';
import { audienceText, couponText, pct, scheduleText } from './campaign-text.ts';
import { EXAMPLE, readScheduleWords, type ScheduleWords } from './schedule-words.ts';
import { count } from '../shared/counts.ts';

// `coupon schedule "…" to … daily at 10:00` / `发券 "…" 给 … 每天 10:00`: a preview with the
// audience size, members reachable and the estimated cost, then 确认 / confirm by the same user
// here. Above the configured face value it also needs an ops_manager's approval in this thread.

const KIND = 'campaigns.schedule';

async function estimate(services: Services, w: ScheduleWords, rules: CampaignRules) {
  const now = services.clock.now().getTime();
  const day = services.calendar.dayOf(w.schedule.kind === 'once' ? Math.max(now, Date.parse(w.schedule.at)) : now);
  // The holdout is drawn per campaign id: the preview uses the id the campaign will most likely get.
  const id = (await services.books.campaigns()).peekNextId();
  const plan = await planRun({ id, audience: w.audience }, services.calendar.dayOf(now), { data: services.data, docs: services.docs, calendar: services.calendar, rules, memberRules: services.playbook.members }, formatDay(day).slice(0, 7));
  const pushed = plan.customers.length;
  const reachable = pushed + plan.holdout.length + plan.skipped.capped;
  const faceValue = pushed * w.coupon.discount;
  return { ...plan, pushed, reachable, faceValue, cost: Math.round(faceValue * rules.redemptionRate), needsApproval: faceValue > rules.approvalAbove };
}

function preview(lang: Lang, services: Services, w: ScheduleWords, e: Awaited<ReturnType<typeof estimate>>, rules: CampaignRules): Reply {
  const t = say(lang);
  const cur = services.store.currency;
  const m = (v: number) => formatMoney(v, cur, lang);
  const blocks: Block[] = [
    text(t(`发券预览：${couponText(w.coupon, lang, cur)}`, `Coupon campaign preview: ${couponText(w.coupon, lang, cur)}`), 'heading'),
    text(t(`发给 ${audienceText(w.audience, lang)}，${scheduleText(w.schedule, lang, services.calendar)}。`, `To ${audienceText(w.audience, lang)}, ${scheduleText(w.schedule, lang, services.calendar)}.`)),
    {
      type: 'figures',
      items: [
        { label: t('人群（按今天的数据）', "Audience (today's data)"), value: count(e.audience) },
        { label: t('可触达（已绑定未退订）', 'Reachable (linked, not opted out)'), value: count(e.reachable) },
        { label: t(`对照组（${pct(rules.holdoutShare)}，不发）`, `Holdout (${pct(rules.holdoutShare)}, not pushed)`), value: count(e.holdout.length) },
        { label: t('将推送', 'Will be pushed'), value: count(e.pushed) },
        { label: t('券面总额', 'Coupon face value'), value: m(e.faceValue) },
        { label: t(`预计成本（按核销率 ${pct(rules.redemptionRate)}）`, `Estimated cost (at a ${pct(rules.redemptionRate)} redemption rate)`), value: m(e.cost) },
      ],
    },
    text(t(`跳过：未绑定 ${count(e.skipped.not_linked)}，已退订 ${count(e.skipped.opted_out)}，本月已达 ${rules.monthlyCap} 次上限 ${count(e.skipped.capped)}。`, `Skipped: ${count(e.skipped.not_linked)} not linked, ${count(e.skipped.opted_out)} opted out, ${count(e.skipped.capped)} at the monthly cap of ${rules.monthlyCap}.`), 'muted'),
  ];
  // A campaign nobody would get is almost always a wrong audience or members not linked yet: say so before "confirm".
  if (e.pushed === 0) {
    const why = e.audience === 0 ? t('人群里一个人也没有', 'the audience is empty') : t('人群里没有可推送的会员（见上面的跳过原因）', 'no one in the audience can be pushed (see the skipped counts above)');
    blocks.push(text(t(`按今天的数据，这次活动不会发给任何人：${why}。确认前请检查人群写法，或先让会员绑定。`, `As of today this campaign would reach nobody: ${why}. Check the audience, or get members linked, before you confirm.`), 'warning'));
  }
  if (w.schedule.kind === 'daily') blocks.push(text(t('每天的人群会按当天数据重新计算。', "Each day's audience is worked out again on that day's data."), 'muted'));
  if (e.needsApproval) blocks.push(text(t(`券面总额超过 ${m(rules.approvalAbove)}：确认后还需要运营经理审批。`, `The face value is above ${m(rules.approvalAbove)}: after you confirm, an operations manager must approve.`), 'warning'));
  return { lang, blocks, data: { audience: e.audience, reachable: e.reachable, holdout: e.holdout.length, pushed: e.pushed, skipped: e.skipped, faceValue: e.faceValue, estimatedCost: e.cost, needsApproval: e.needsApproval, reachesNobody: e.pushed === 0 } };
}

const args = z.object({ words: z.custom<ScheduleWords>((v) => typeof v === 'object' && v !== null) });

export const couponScheduleCommand = defineCommand({
  id: 'coupon.schedule',
  phrases: { zh: ['发券', '定时发券', '优惠券 计划'], en: ['coupon schedule', 'schedule coupon'] },
  summary: { zh: '计划发券活动（预览后确认）', en: 'Schedule a coupon campaign (preview, then confirm)' },
  examples: { zh: [EXAMPLE.zh, '发券 "唤醒券 满100减20" 给 分层 沉睡 在 2026-12-01 10:00', '发券 "入会礼 满99减10" 给 入会14天 每天 10:00'], en: [EXAMPLE.en, 'coupon schedule "gold spend 300 get 50 off" to tier gold daily at 10:00', 'coupon schedule "welcome spend 99 get 10 off" to joined-14-days-ago daily at 10:00'] },
  role: 'community',
  args,
  parse: (rest, ctx) => ({ words: readScheduleWords(rest, ctx.services.playbook.campaigns, ctx.services) }),
  async handle(ctx, a) {
    const rules = ctx.services.playbook.campaigns;
    const e = await estimate(ctx.services, a.words, rules);
    return askConfirmation(ctx, { kind: KIND, payload: a.words, minutes: rules.confirmMinutes, preview: preview(ctx.lang, ctx.services, a.words, e, rules) });
  },
});

export const couponScheduleConfirmable = defineConfirmable<ScheduleWords>({
  kind: KIND,
  roles: ['community'],
  async apply(ctx: CommandContext, w) {
    const { services, lang, incoming } = ctx;
    const t = say(lang);
    const rules = ctx.services.playbook.campaigns;
    const now = services.clock.now();
    if (w.schedule.kind === 'once' && Date.parse(w.schedule.at) <= now.getTime()) {
      return { lang, blocks: [text(t('计划的时间已经过去，什么也没安排。请重新发起。', 'The scheduled time has passed; nothing was scheduled. Please start again.'), 'warning')], data: { error: 'past_time' } };
    }
    const e = await estimate(services, w, rules);
    const book = await services.books.campaigns();
    const c = await book.create({ ...w, status: e.needsApproval ? 'awaiting_approval' : 'active', createdBy: incoming.user, createdAt: now.toISOString(), ...threadOf(incoming), lang, runFrom: now.toISOString() }, incoming.user, now);
    await services.audit.record({ kind: 'campaign.schedule', user: incoming.user, conversation: incoming.conversation, summary: `campaign #${c.id} ${c.coupon.name} → ${audienceText(c.audience, 'en')}, ${scheduleText(c.schedule, 'en', services.calendar)} (${c.status})`, data: { campaign: c.id, estimate: { audience: e.audience, pushed: e.pushed, faceValue: e.faceValue } } });
    const line = `#${c.id} ${couponText(c.coupon, lang, services.store.currency)}`;
    if (!e.needsApproval) {
      // Confirmed anyway though it reaches nobody (today): the launch says so again, so nobody reads it as a success.
      const empty = e.pushed === 0 ? [text(t(`按今天的数据它不会发给任何人；发送「暂停活动 ${c.id}」可以停掉。`, `As of today it reaches nobody; send "campaign pause ${c.id}" to stop it.`), 'warning')] : [];
      return { lang, blocks: [text(t(`活动 ${line} 已启动：${scheduleText(c.schedule, lang, services.calendar)} 发给${audienceText(c.audience, lang)}。`, `Campaign ${line} is launched: ${scheduleText(c.schedule, lang, services.calendar)} to ${audienceText(c.audience, lang)}.`)), ...empty], data: { campaign: c.id, status: c.status, reachesNobody: e.pushed === 0 } };
    }
    const approvals = await services.books.approvals();
    const subject = { zh: `发券活动 #${c.id}「${c.coupon.name}」券面 ${formatMoney(e.faceValue, services.store.currency, 'zh')}`, en: `coupon campaign #${c.id} "${c.coupon.name}", face value ${formatMoney(e.faceValue, services.store.currency, 'en')}` };
    const request = await approvals.create({ kind: CAMPAIGN_APPROVAL, subject, requester: incoming.user, ...threadOf(incoming), lang, approverRole: 'ops_manager', needsOverride: false, payload: { campaign: c.id, faceValue: e.faceValue }, ttlHours: rules.approvalHours }, now);
    c.approvalId = request.id;
    await book.save();
    const managers = services.roles.usersWith('ops_manager').filter((u) => u !== incoming.user);
    const names = managers.map((u) => `@${localIdOf(u)}`).join(' ');
    return {
      lang,
      blocks: [text(t(`活动 ${line} 已保存，等待运营经理审批（审批单 #${request.id}）。${names ? `请 ${names} 审批。` : ''}`, `Campaign ${line} is saved and awaits an operations manager's approval (request #${request.id}).${names ? ` Please decide: ${names}` : ''}`)), decisionChoices(request, lang)],
      mentions: managers,
      data: { campaign: c.id, status: c.status, approval: request.id },
    };
  },
});
