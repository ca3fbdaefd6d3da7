import { z } from 'zod';
import { allocated, type MonthBudget } from '../../domain/budgets/budget.ts';
import { checkAllocation } from '../../domain/budgets/rules.ts';
import { toMajor } from '../../domain/money.ts';
import { channelId, channelName } from '../shared/channels.ts';
import { problem } from '../../bot/errors.ts';
import { formatMoney } from '../shared/format.ts';
import { say } from '../../chat/lang.ts';
import { text, type Block } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { checkMonth } from '../shared/date-input.ts';
import { amountOrNothing, moneyScene, type MoneyScene } from '../shared/money-input.ts';
import { currentMonth, readMonth } from './budget-context.ts';
import { pct, violationText } from './budget-text.ts';

const EXAMPLE = { zh: '预算 设置 2026-11 总额 100000 抖音 20000 小红书 15000 天猫 15000', en: 'budget set 2026-11 total 100000 douyin 20000 xiaohongshu 15000 tmall 15000' };
const TOTAL = new Set(['total', '总额', '总预算', '合计']);

const args = z.object({
  month: z.string().optional(),
  total: z.number().int().positive('a positive total'),
  channels: z.record(z.string(), z.number().int().min(0)),
});

/** Reads `[2026-11] total 100000 douyin 20000 …` into minor units; a wrong word is named in the reply. */
function readSet(rest: string, money: MoneyScene) {
  const words = rest.split(/[\s,，、]+/).filter(Boolean);
  let month: string | undefined;
  let total: number | undefined;
  const channels: Record<string, number> = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i === 0 && readMonth(w)) {
      month = readMonth(w);
      continue;
    }
    const amountWord = words[i + 1];
    const amount = amountOrNothing(amountWord, money, EXAMPLE);
    if (amount === undefined || amount < 0) {
      throw problem('bad_amount', `「${w}」后面需要一个金额（元），收到「${amountWord ?? ''}」`, `"${w}" needs an amount after it, got "${amountWord ?? ''}"`, EXAMPLE);
    }
    i++;
    if (TOTAL.has(w.toLowerCase())) total = amount;
    else {
      const ch = channelId(w);
      if (!ch) throw problem('unknown_channel', `不认识的渠道「${w}」`, `Unknown channel "${w}"`, EXAMPLE);
      channels[ch] = amount;
    }
  }
  if (total === undefined) throw problem('no_total', '需要写总额', 'Say the month total', EXAMPLE);
  return { month, total, channels };
}

/** `budget set 2026-11 total 100000 douyin 20000 …` (ops managers): the month's plan, checked against the caps. */
export const budgetSetCommand = defineCommand({
  id: 'budget.set',
  phrases: { zh: ['预算 设置', '设置预算', '预算设置'], en: ['budget set', 'set budget'] },
  summary: { zh: '设置月度预算', en: 'Set the monthly budget' },
  examples: { zh: [EXAMPLE.zh], en: [EXAMPLE.en] },
  role: 'ops_manager',
  args,
  parse: (rest, ctx) => readSet(rest, moneyScene(ctx.services)),
  async handle(ctx, a) {
    const { services, lang } = ctx;
    const t = say(lang);
    const cur = services.store.currency;
    const month = a.month ?? currentMonth(services);
    // A past month may be corrected; one years ahead is a typo.
    checkMonth(month, services, EXAMPLE, true);
    if (allocated(a.channels) > a.total) {
      throw problem('over_total', `各渠道合计 ${formatMoney(allocated(a.channels), cur, 'zh')} 超过总额 ${formatMoney(a.total, cur, 'zh')}`, `The channels add up to ${formatMoney(allocated(a.channels), cur, 'en')}, more than the total ${formatMoney(a.total, cur, 'en')}`, EXAMPLE);
    }
    const broken = checkAllocation(a.total, a.channels, services.playbook.budgets);
    if (broken.length) {
      const list = (l: 'zh' | 'en') => broken.map((v) => violationText(v, l)).join(l === 'zh' ? '；' : '; ');
      throw problem('breaks_rules', `没有保存：${list('zh')}`, `Not saved: ${list('en')}`, EXAMPLE);
    }
    const book = await services.books.budgets();
    const had = book.month(month);
    const at = services.clock.now().toISOString();
    await book.set({ month, total: a.total, channels: a.channels, setBy: ctx.incoming.user, setAt: at });
    await services.audit.record({ kind: 'budget.set', user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `set ${month} budget: total ${toMajor(a.total, cur)} ${cur}; ${Object.entries(a.channels).map(([ch, m]) => `${ch} ${toMajor(m, cur)}`).join(', ')}${had ? ' (replacing the previous plan)' : ''}`, data: { month, total: a.total, channels: a.channels, previous: had ? { total: had.total, channels: had.channels } : null } });
    const lines = Object.entries(a.channels).map(([ch, m]) => `${channelName(ch, lang)} ${formatMoney(m, cur, lang)} (${pct(m / a.total)})`);
    const reserve = a.total - allocated(a.channels);
    return {
      lang,
      blocks: [
        text(t(`已设置 ${month} 预算`, `${month} budget set`), 'heading'),
        text(`${t('总额', 'Total')} ${formatMoney(a.total, cur, lang)}\n${lines.join('\n')}\n${t('预留', 'Reserve')} ${formatMoney(reserve, cur, lang)} (${pct(reserve / a.total)})`),
        ...replaced(had, a, lang, cur),
        { type: 'context', text: t('发送「预算」查看花费进度。', 'Send "budget" to see pacing.') },
      ],
      data: { month, total: a.total, channels: a.channels, reserve, replaced: had ? { total: had.total, channels: had.channels } : null },
    };
  },
});

/**
 * A new plan replaces the month's plan whole, including changes approved since it was set:
 * say what moved, so the manager sees an approved increase disappear rather than find out later.
 */
function replaced(had: MonthBudget | undefined, a: { total: number; channels: Record<string, number> }, lang: 'zh' | 'en', cur: string): Block[] {
  if (!had) return [];
  const t = say(lang);
  const money = (m: number) => formatMoney(m, cur, lang);
  const changes = [...new Set([...Object.keys(had.channels), ...Object.keys(a.channels)])]
    .filter((ch) => (had.channels[ch] ?? 0) !== (a.channels[ch] ?? 0))
    .map((ch) => `${channelName(ch, lang)} ${money(had.channels[ch] ?? 0)} → ${money(a.channels[ch] ?? 0)}`);
  if (had.total !== a.total) changes.unshift(`${t('总额', 'Total')} ${money(had.total)} → ${money(a.total)}`);
  const head = t(`替换了原有计划（含其后批准的调整）`, 'This replaces the month\'s previous plan, including changes approved since');
  return [text(changes.length ? `${head}${t('：', ':')}\n${changes.join('\n')}` : t('与原计划相同。', 'Same as the previous plan.'), changes.length ? 'warning' : 'muted')];
}
