import type { BudgetChange } from '../../domain/budgets/budget.ts';
import type { Violation } from '../../domain/budgets/rules.ts';
import type { Light, Reason } from '../../domain/budgets/status.ts';
import { channelName } from '../shared/channels.ts';
import { formatMoney } from '../shared/format.ts';
import { say, type Bilingual, type Lang } from '../../chat/lang.ts';

// How budget rules, lights and changes read in each language.

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const lightIcon: Record<Light, string> = { red: '🔴', yellow: '🟡', green: '🟢' };

export function violationText(v: Violation, lang: Lang): string {
  const t = say(lang);
  const ch = 'channel' in v ? channelName(v.channel, lang) : '';
  switch (v.rule) {
    case 'cap':
      return t(`${ch}将占月预算 ${pct(v.share)}，超过上限 ${pct(v.cap)}`, `${ch} would hold ${pct(v.share)} of the month's budget, over its ${pct(v.cap)} cap`);
    case 'reserve':
      return t(`预留金将只剩 ${pct(v.reserveShare)}，低于要求的 ${pct(v.reserve)}`, `the reserve would fall to ${pct(v.reserveShare)}, below the ${pct(v.reserve)} kept back`);
    case 'roi':
      return t(`${ch} ROI ${v.roi.toFixed(2)} 低于 ${v.min}，建议暂停而非追加`, `${ch} ROI is ${v.roi.toFixed(2)}, below ${v.min}: pausing is proposed, not more budget`);
    case 'frozen':
      return t(`本月花费已超预算 ${pct(v.overspend)}（>${pct(v.limit)}），非核心渠道${ch}已冻结`, `month spend is ${pct(v.overspend)} over budget (> ${pct(v.limit)}), so non-core ${ch} is frozen`);
  }
}

export function reasonText(r: Reason, lang: Lang): string {
  const t = say(lang);
  switch (r.code) {
    case 'roi_low':
      return t(`ROI ${r.roi.toFixed(2)} < ${r.min}，建议暂停`, `ROI ${r.roi.toFixed(2)} < ${r.min}: propose pausing`);
    case 'over_budget':
      return t(`已超预算 ${pct(r.over)}`, `${pct(r.over)} over budget`);
    case 'no_budget':
      return t('有花费但没有预算', 'spending without a budget');
    case 'ahead':
      return t(`花费进度 ${pct(r.spendShare)} 快于时间进度 ${pct(r.elapsed)}`, `spent ${pct(r.spendShare)} with ${pct(r.elapsed)} of the month gone`);
    case 'over_cap':
      return t(`占比 ${pct(r.share)} 超过上限 ${pct(r.cap)}`, `share ${pct(r.share)} over its ${pct(r.cap)} cap`);
    case 'frozen':
      return t('超支冻结中（非核心渠道）', 'frozen: month overspent (non-core channel)');
    case 'on_track':
      return t('正常', 'on track');
  }
}

/** "Douyin +¥20,000.00", "move ¥5,000.00 from JD to Douyin". */
export function changeText(c: BudgetChange, currency: string, lang: Lang): string {
  const t = say(lang);
  const amount = formatMoney(c.amount, currency, lang);
  const ch = channelName(c.channel, lang);
  if (c.kind === 'move') return t(`从${channelName(c.from, lang)}调 ${amount} 到${ch}`, `move ${amount} from ${channelName(c.from, 'en')} to ${ch}`);
  return `${ch} ${c.kind === 'increase' ? '+' : '-'}${amount}`;
}

export const changeSubject = (c: BudgetChange, currency: string): Bilingual => ({
  zh: `${c.month} 预算：${changeText(c, currency, 'zh')}`,
  en: `${c.month} budget: ${changeText(c, currency, 'en')}`,
});
