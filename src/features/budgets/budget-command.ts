import { budgetStatus, type BudgetStatus } from '../../domain/budgets/status.ts';
import { toMajor } from '../../domain/money.ts';
import { channelName } from '../shared/channels.ts';
import { formatMoney } from '../shared/format.ts';
import { say } from '../../chat/lang.ts';
import { text, type Block } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { budgetScene, monthArg, parseMonthArg } from './budget-context.ts';
import { lightIcon, pct, reasonText } from './budget-text.ts';

/** `--json`: money in major units, like the metric answers. */
const asJson = (s: BudgetStatus, cur: string) => {
  const major = (m: number) => toMajor(m, cur);
  return { ...s, currency: cur, total: major(s.total), allocated: major(s.allocated), reserve: major(s.reserve), totalSpend: major(s.totalSpend), channels: s.channels.map((c) => ({ ...c, budget: major(c.budget), spend: major(c.spend) })) };
};

/** `budget` / `预算`: each channel's budget, spend to date, pacing, ROI and a light with the reason. */
export const budgetCommand = defineCommand({
  id: 'budget',
  phrases: { zh: ['预算', '看预算', '预算情况'], en: ['budget', 'budgets'] },
  summary: { zh: '营销预算与花费进度', en: 'Marketing budget and pacing' },
  examples: { zh: ['预算', '预算 2026-11'], en: ['budget', 'budget 2026-11'] },
  role: 'staff',
  args: monthArg,
  parse: parseMonthArg,
  async handle(ctx, args) {
    const { services, lang } = ctx;
    const t = say(lang);
    const cur = services.store.currency;
    const scene = await budgetScene(services, args.month);
    const s = budgetStatus(scene.budget, scene.figures, scene.rules);
    const money = (m: number) => formatMoney(m, cur, lang);
    const blocks: Block[] = [
      text(t(`${s.month} 营销预算`, `${s.month} marketing budget`), 'heading'),
      {
        type: 'figures',
        items: [
          { label: t('总预算', 'Total'), value: money(s.total) },
          { label: t('已分配', 'Allocated'), value: `${money(s.allocated)} (${pct(s.total ? s.allocated / s.total : 0)})` },
          { label: t('预留', 'Reserve'), value: money(s.reserve) },
          { label: t('已花费', 'Spent to date'), value: `${money(s.totalSpend)} (${pct(s.total ? s.totalSpend / s.total : 0)})` },
          { label: t('时间进度', 'Month elapsed'), value: pct(s.elapsed) },
        ],
      },
      {
        type: 'table',
        columns: [
          { title: t('渠道', 'Channel'), align: 'left' },
          { title: t('预算', 'Budget'), align: 'right' },
          { title: t('占比', 'Share'), align: 'right' },
          { title: t('已花费', 'Spent'), align: 'right' },
          { title: t('花费进度', 'Pacing'), align: 'right' },
          { title: 'ROI', align: 'right' },
          { title: t('状态', 'Light'), align: 'left' },
        ],
        rows: s.channels.map((c) => [
          channelName(c.channel, lang),
          money(c.budget),
          pct(c.share),
          money(c.spend),
          c.spendShare === null ? '—' : `${pct(c.spendShare)} / ${pct(s.elapsed)}`,
          c.roi === null ? '—' : c.roi.toFixed(2),
          `${lightIcon[c.light]} ${c.reasons.map((r) => reasonText(r, lang)).join(t('；', '; '))}`,
        ]),
      },
    ];
    if (s.frozen) blocks.push(text(t(`本月花费已超预算 ${pct(s.overspend)}：非核心渠道冻结，追加需经理 override。`, `Month spend is ${pct(s.overspend)} over budget: non-core channels are frozen; increases need a manager's override.`), 'warning'));
    blocks.push({ type: 'context', text: t(`花费进度 = 已花费/预算 对比 时间进度；ROI = GMV/花费；时区 ${services.store.timeZone}`, `Pacing = spent / budget vs share of the month gone; ROI = GMV / spend; time zone ${services.store.timeZone}`) });
    return { lang, blocks, data: asJson(s, cur), summary: t(`${s.month} 预算：已花费 ${money(s.totalSpend)} / ${money(s.total)}`, `${s.month} budget: spent ${money(s.totalSpend)} of ${money(s.total)}`) };
  },
});
