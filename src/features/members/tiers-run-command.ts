import { dmTarget } from '../../bot/notices.ts';
import { z } from 'zod';
import { formatDay } from '../../domain/calendar.ts';
import { quietUntil } from '../../domain/time-of-day.ts';
import { TIERS, type Tier } from '../../domain/members/tiers.ts';
import type { MemberRules } from '../../domain/playbook/members.ts';
import { askConfirmation, defineConfirmable } from '../confirm/pending-confirmations.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { text, type Reply } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { defineCommand, type CommandContext } from '../../bot/spec.ts';
import { memberWorld, tierName } from './member-context.ts';
import { count, plural } from '../shared/counts.ts';

// `tiers run` / `会员等级 重算`: re-evaluate every member, preview the moves, apply on 确认 / confirm,
// then queue one congratulation per upgraded, linked member to their DM.

const KIND = 'members.tiers.apply';

function preview(lang: Lang, w: Awaited<ReturnType<typeof memberWorld>>): Reply {
  const t = say(lang);
  const p = w.evaluation.plan;
  const rows = TIERS.map((tier) => {
    const c = p.byTier[tier];
    return [tierName(tier, lang), count(c.before), count(c.after), `+${count(c.up)}`, `-${count(c.down)}`];
  });
  const when = p.firstRun
    ? t('首次重算：按近12个月消费直接定级。', 'First run: tiers are set from the last 12 months of spend.')
    : p.review
    ? t(`本次包含保级评审（${formatDay(p.reviewDay)}），未达保级线的会降级。`, `This run includes the retention review of ${formatDay(p.reviewDay)}: members below their keep threshold move down.`)
    : t(`降级要等下次保级评审；本次只升级。`, `Downgrades wait for the next retention review; this run only upgrades.`);
  return {
    lang,
    blocks: [
      text(t(`会员等级重算预览（${formatDay(w.today)}）：升级 ${count(p.up)} 人，降级 ${count(p.down)} 人，不变 ${count(p.stay)} 人。`, `Tier re-evaluation preview (${formatDay(w.today)}): ${count(p.up)} move up, ${count(p.down)} move down, ${count(p.stay)} stay.`), 'heading'),
      { type: 'table', columns: [{ title: t('等级', 'Tier'), align: 'left' }, { title: t('当前', 'Now'), align: 'right' }, { title: t('重算后', 'After'), align: 'right' }, { title: t('升入', 'In (up)'), align: 'right' }, { title: t('降入', 'In (down)'), align: 'right' }], rows },
      text(when, 'muted'),
    ],
    data: { day: formatDay(w.today), review: p.review, up: p.up, down: p.down, stay: p.stay, byTier: p.byTier },
  };
}

export const tiersRunCommand = defineCommand({
  id: 'tiers.run',
  phrases: { zh: ['会员等级 重算', '会员等级重算', '重算会员等级'], en: ['tiers run', 'run tiers'] },
  summary: { zh: '重算会员等级（预览后确认）', en: 'Re-evaluate member tiers (preview, then confirm)' },
  examples: { zh: ['会员等级 重算'], en: ['tiers run'] },
  role: 'community',
  alsoRoles: ['ops_manager'],
  args: z.object({}),
  parse: () => ({}),
  async handle(ctx) {
    const w = await memberWorld(ctx.services);
    const rules = w.rules;
    return askConfirmation(ctx, { kind: KIND, payload: { day: w.today }, minutes: rules.confirmMinutes, preview: preview(ctx.lang, w) });
  },
});

async function congratulate(services: Services, rules: MemberRules, customer: string, tier: Tier, periodDay: number, users: string[]): Promise<boolean> {
  if (users.length === 0) return false;
  const lang = services.store.lang;
  const t = say(lang);
  const benefits = tier === 'member' ? '' : rules.tiers[tier].benefits[lang];
  const now = services.clock.now();
  const reply: Reply = {
    lang,
    blocks: [text(t(`恭喜！您已升级为${tierName(tier, lang)}会员。专属权益：${benefits}。`, `Congratulations! You are now a ${tierName(tier, lang)} member. Your benefits: ${benefits}.`)), { type: 'context', text: t('回复「退订」不再接收消息。', 'Reply "stop" to stop these messages.') }],
    summary: t(`升级为${tierName(tier, lang)}`, `Upgraded to ${tierName(tier, lang)}`),
  };
  const notBefore = quietUntil(now.getTime(), services.calendar, rules.quietHours.from, rules.quietHours.to) ?? now.getTime();
  return services.outbox.enqueue({
    key: `tier:${customer}:${tier}:${formatDay(periodDay)}`,
    kind: 'member.tier_upgrade',
    target: { conversation: dmTarget(users[0]) },
    reply,
    dueAt: now,
    ...(notBefore > now.getTime() ? { notBefore: new Date(notBefore) } : {}),
  });
}

export const tiersApplyConfirmable = defineConfirmable<{ day: number }>({
  kind: KIND,
  roles: ['community', 'ops_manager'],
  async apply(ctx: CommandContext, payload) {
    const { services, lang } = ctx;
    const t = say(lang);
    const w = await memberWorld(services, payload.day);
    const plan = w.evaluation.plan;
    await w.tiers.apply(plan, services.data.book, services.clock.now());
    const names = services.data.book.customers.names;
    let queued = 0;
    for (const c of plan.upgraded) {
      const customer = names[c];
      if (await congratulate(services, w.rules, customer, TIERS[plan.next[c]], plan.reviewDay, w.links.usersOf(customer))) queued++;
    }
    await services.audit.record({ kind: 'members.tiers', user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `tiers applied ${formatDay(w.today)}: up ${plan.up}, down ${plan.down}` });
    return {
      lang,
      blocks: [text(t(`已应用：升级 ${count(plan.up)} 人，降级 ${count(plan.down)} 人。已为 ${count(queued)} 位已绑定的会员排队发送升级祝贺。`, `Applied: ${count(plan.up)} up, ${count(plan.down)} down. Queued congratulations to ${plural(queued, 'linked member')}.`))],
      data: { applied: true, up: plan.up, down: plan.down, congratulations: queued },
    };
  },
});
