import { at } from '../approvals/approval-kind.ts';
import { when } from '../approvals/approval-replies.ts';
import { formatMoney } from '../shared/format.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { BUDGET_CHANGE, changeOf } from './budget-approval.ts';
import { currentMonth, monthArg, parseMonthArg } from './budget-context.ts';
import { changeText } from './budget-text.ts';

/** `budget history` / `预算 记录`: this month's plan and change requests — who asked, who decided, why. */
export const budgetHistoryCommand = defineCommand({
  id: 'budget.history',
  phrases: { zh: ['预算 记录', '预算记录', '预算 历史', '预算历史'], en: ['budget history', 'budget log'] },
  summary: { zh: '本月预算变更记录', en: "This month's budget changes" },
  examples: { zh: ['预算 记录', '预算 记录 2026-10'], en: ['budget history', 'budget history 2026-10'] },
  role: 'staff',
  args: monthArg,
  parse: parseMonthArg,
  async handle(ctx, args) {
    const { services, lang } = ctx;
    const t = say(lang);
    const cur = services.store.currency;
    const month = args.month ?? currentMonth(services);
    const budgets = await services.books.budgets();
    const approvals = await services.books.approvals();
    const status = { pending: t('待审批', 'pending'), approved: t('已批准', 'approved'), rejected: t('已驳回', 'rejected'), expired: t('已过期', 'expired') };
    type Row = { at: string; cells: string[] };
    const rows: Row[] = budgets
      .events(month)
      .filter((e) => e.kind === 'set')
      .map((e, i) => ({ at: e.at, cells: [when(e.at, services.calendar), '—', i === 0 ? t(`设置预算，总额 ${formatMoney(e.total ?? 0, cur, lang)}`, `plan set, total ${formatMoney(e.total ?? 0, cur, lang)}`) : t(`重新设置预算，总额 ${formatMoney(e.total ?? 0, cur, lang)}`, `plan replaced, total ${formatMoney(e.total ?? 0, cur, lang)}`), at(e.by), t('直接设置', 'set directly'), at(e.by), '—'] }));
    const requests = approvals.all().filter((r) => r.kind === BUDGET_CHANGE && changeOf(r).month === month);
    for (const r of requests) {
      const d = r.decision;
      const asked = typeof r.payload.reason === 'string' ? r.payload.reason : '';
      const verdict = `${status[r.status]}${d?.override ? t('（破例）', ' (override)') : ''}`;
      rows.push({ at: r.createdAt, cells: [when(r.createdAt, services.calendar), `#${r.id}`, `${changeText(changeOf(r), cur, lang)}${asked ? ` — ${asked}` : ''}`, at(r.requester), verdict, d ? at(d.by) : '—', d?.reason ?? '—'] });
    }
    rows.sort((a, b) => a.at.localeCompare(b.at));
    if (!rows.length) return { lang, blocks: [text(t(`${month} 还没有预算记录。`, `No budget changes in ${month} yet.`))], data: { month, rows: [] } };
    return {
      lang,
      blocks: [
        text(t(`${month} 预算记录`, `${month} budget history`), 'heading'),
        {
          type: 'table',
          columns: [t('时间', 'When'), t('编号', 'Ref'), t('内容', 'Change'), t('申请人', 'Asked by'), t('结果', 'Outcome'), t('决定人', 'Decided by'), t('理由', 'Why')].map((title) => ({ title, align: 'left' as const })),
          rows: rows.map((r) => r.cells),
        },
        { type: 'context', text: t(`时间为 ${services.store.timeZone}`, `Times in ${services.store.timeZone}`) },
      ],
      data: { month, requests },
    };
  },
});
