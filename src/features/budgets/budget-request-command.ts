import { threadOf } from '../../bot/notices.ts';
import { z } from 'zod';
import type { BudgetChange } from '../../domain/budgets/budget.ts';
import { checkChange } from '../../domain/budgets/rules.ts';
import { channelId, channelName } from '../shared/channels.ts';
import { problem } from '../../bot/errors.ts';
import { formatMoney } from '../shared/format.ts';
import { say } from '../../chat/lang.ts';
import { defineCommand } from '../../bot/spec.ts';
import { defaultLimitRules } from '../../domain/playbook/limits.ts';
import { checkMonth } from '../shared/date-input.ts';
import { amountOrNothing, moneyScene } from '../shared/money-input.ts';
import { BUDGET_CHANGE } from './budget-approval.ts';
import { budgetCard, expiryContext } from './budget-card.ts';
import { budgetScene, readMonth } from './budget-context.ts';
import { changeSubject, violationText } from './budget-text.ts';

const EXAMPLE = { zh: '申请 抖音 预算 +20000 双11直播', en: 'budget request douyin +20000 for Double 11 live streams' };
const MOVE_EXAMPLE = { zh: '申请 调拨 5000 从 京东 到 抖音 双11直播', en: 'budget request move 5000 from jd to douyin for Double 11' };
const MOVE = new Set(['move', '调拨', '调', '转移', '挪']);
const NOISE = new Set(['预算', 'budget', 'from', '从', 'to', '到', '给']);

const args = z.object({
  month: z.string().optional(),
  kind: z.enum(['increase', 'decrease', 'move']),
  from: z.string().optional(),
  channel: z.string(),
  amount: z.number().int().positive(),
  reason: z.string().max(300).optional(),
});

const known = (typed: string | undefined, ex: { zh: string; en: string }) => {
  const ch = typed === undefined ? undefined : channelId(typed.replace(/预算$/, ''));
  if (!ch) throw problem('unknown_channel', `不认识的渠道「${typed ?? ''}」`, `Unknown channel "${typed ?? ''}"`, ex);
  return ch;
};

/** `douyin +20000 for …`, `jd -5000 …`, `move 5000 from jd to douyin …`, optionally led by a month. */
export function readRequest(rest: string, currency: string, maxAmount = defaultLimitRules().maxAmount) {
  let words = rest.split(/\s+/).filter(Boolean);
  const month = readMonth(words[0]);
  if (month) words = words.slice(1);
  const take = () => {
    while (words.length && NOISE.has(words[0].toLowerCase())) words.shift();
    return words.shift();
  };
  const amountOf = (w: string | undefined, ex: { zh: string; en: string }) => {
    const a = amountOrNothing(w, { currency, maxAmount }, ex);
    if (a === undefined || a === 0) throw problem('bad_amount', `「${w ?? ''}」不是金额，请写成 +20000 / -5000`, `"${w ?? ''}" is not an amount: write it like +20000 or -5000`, ex);
    return a;
  };
  const reasonOf = () => words.join(' ').replace(/^(for|because|用于|因为|理由)[:：]?\s*/i, '').trim() || undefined;
  if (words[0] && MOVE.has(words[0].toLowerCase())) {
    words.shift();
    const amount = amountOf(take(), MOVE_EXAMPLE);
    const from = known(take(), MOVE_EXAMPLE);
    const channel = known(take(), MOVE_EXAMPLE);
    if (amount < 0) throw problem('bad_amount', '调拨金额要写正数', 'A move takes a positive amount', MOVE_EXAMPLE);
    if (from === channel) throw problem('same_channel', '调出和调入是同一个渠道', 'That moves budget from a channel to itself', MOVE_EXAMPLE);
    return { month, kind: 'move' as const, from, channel, amount, reason: reasonOf() };
  }
  const channel = known(take(), EXAMPLE);
  const amount = amountOf(take(), EXAMPLE);
  return { month, kind: amount > 0 ? ('increase' as const) : ('decrease' as const), channel, amount: Math.abs(amount), reason: reasonOf() };
}

/** `budget request douyin +20000 for …` / `申请 抖音 预算 +20000 …`: checked against the rules, posted as an approval card in this thread. */
export const budgetRequestCommand = defineCommand({
  id: 'budget.request',
  phrases: { zh: ['申请', '预算 申请', '申请预算', '预算申请'], en: ['budget request', 'request budget'] },
  summary: { zh: '申请调整预算', en: 'Request a budget change' },
  examples: { zh: [EXAMPLE.zh, '申请 京东 预算 -5000 回收', MOVE_EXAMPLE.zh], en: [EXAMPLE.en, 'budget request jd -5000 underspending', MOVE_EXAMPLE.en] },
  role: 'staff',
  args,
  parse: (rest, ctx) => readRequest(rest, ctx.services.store.currency, moneyScene(ctx.services).maxAmount),
  async handle(ctx, a) {
    const { services, lang, incoming } = ctx;
    const t = say(lang);
    const cur = services.store.currency;
    // Changing a month that is over moves no money; one years ahead is a typo.
    if (a.month) checkMonth(a.month, services, EXAMPLE);
    const scene = await budgetScene(services, a.month);
    if (a.amount > scene.budget.total) {
      throw problem('absurd_amount', `${formatMoney(a.amount, cur, 'zh')} 超过了整月预算 ${formatMoney(scene.budget.total, cur, 'zh')}，请检查金额`, `${formatMoney(a.amount, cur, 'en')} is more than the whole month's budget of ${formatMoney(scene.budget.total, cur, 'en')}; check the amount`, EXAMPLE);
    }
    const change: BudgetChange = a.kind === 'move' ? { kind: 'move', month: scene.month, from: a.from!, channel: a.channel, amount: a.amount } : { kind: a.kind, month: scene.month, channel: a.channel, amount: a.amount };
    const checked = checkChange(scene.budget, change, scene.figures, scene.rules);
    if (!checked.ok) {
      const has = (l: 'zh' | 'en') => formatMoney(checked.short.has, cur, l);
      throw problem('not_enough', `${channelName(checked.short.channel, 'zh')}只有 ${has('zh')} 预算，不能减少 ${formatMoney(a.amount, cur, 'zh')}`, `${channelName(checked.short.channel, 'en')} has only ${has('en')} of budget; it cannot give up ${formatMoney(a.amount, cur, 'en')}`, a.kind === 'move' ? MOVE_EXAMPLE : EXAMPLE);
    }
    const book = await services.books.approvals();
    const request = await book.create(
      {
        kind: BUDGET_CHANGE,
        subject: changeSubject(change, cur),
        requester: incoming.user,
        ...threadOf(incoming),
        lang,
        approverRole: 'ops_manager',
        needsOverride: checked.violations.length > 0,
        payload: { change, ...(a.reason ? { reason: a.reason } : {}), violations: checked.violations },
        ttlHours: scene.rules.approvalHours,
      },
      services.clock.now(),
    );
    await services.audit.record({ kind: 'budget.request', user: incoming.user, conversation: incoming.conversation, summary: `#${request.id} requested: ${request.subject.en}${a.reason ? ` for ${a.reason}` : ''}${checked.violations.length ? ` (breaks: ${checked.violations.map((v) => violationText(v, 'en')).join('; ')})` : ''}`, data: { requestId: request.id, change, reason: a.reason ?? null, violations: checked.violations } });
    const managers = services.roles.usersWith('ops_manager').filter((u) => u !== incoming.user);
    return {
      lang,
      blocks: [...budgetCard(request, scene, change, checked.after, checked.violations, managers, lang, cur, a.reason), expiryContext(request, lang, services.calendar)],
      mentions: managers,
      summary: t(`#${request.id} 预算申请待审批：${request.subject.zh}`, `#${request.id} budget request awaits a decision: ${request.subject.en}`),
      data: { request, violations: checked.violations, after: checked.after },
    };
  },
});
