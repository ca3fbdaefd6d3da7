import { budgetStatus } from '../../domain/budgets/status.ts';
import { monthFigures, monthOf } from '../../domain/budgets/figures.ts';
import { campaignFigures } from '../../domain/campaigns/campaign-report.ts';
import { runsOf } from '../../domain/campaigns/campaign-run.ts';
import { complaintReport } from '../../domain/complaints/report.ts';
import type { Period } from '../../domain/periods.ts';
import { complaintDesk } from '../complaints/complaint-access.ts';
import { duration } from '../complaints/complaint-words.ts';
import { formatMoney } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Services } from '../../bot/services.ts';

// The parts of the weekly report that come from other features: campaigns' redemptions and
// ROI, complaint SLA figures and budget pacing. Each says nothing when its feature is unused.

export async function campaignLine(services: Services, lang: Lang): Promise<string | undefined> {
  const t = say(lang);
  const book = await services.books.campaigns();
  const live = book.all().filter((c) => c.status === 'active' || c.status === 'paused').slice(-3);
  if (live.length === 0) return undefined;
  const now = services.clock.now().getTime();
  const parts: string[] = [];
  for (const c of live) {
    const f = campaignFigures(c, await runsOf(services.docs, c.id), services.data, services.outboxStore, now);
    const rate = `${(f.redemptionRate * 100).toFixed(1)}%`;
    parts.push(t(`#${c.id}「${c.coupon.name}」送达 ${f.sent.toLocaleString('zh-CN')}，核销 ${f.redeemed.toLocaleString('zh-CN')}（${rate}），ROI ${f.roi === null ? '—' : f.roi.toFixed(2)}`, `#${c.id} "${c.coupon.name}" sent ${f.sent.toLocaleString('en-US')}, redeemed ${f.redeemed.toLocaleString('en-US')} (${rate}), ROI ${f.roi === null ? '—' : f.roi.toFixed(2)}`));
  }
  return t(`发券：${parts.join('；')}`, `Coupons: ${parts.join('; ')}`);
}

export async function complaintLine(services: Services, week: Period, lang: Lang): Promise<string | undefined> {
  const t = say(lang);
  const desk = await complaintDesk(services);
  await desk.refresh(services.clock.now().getTime());
  const r = complaintReport(desk.all, services.calendar.startOf(week.from), services.calendar.startOf(week.to + 1), desk.time);
  if (r.total === 0) return undefined;
  const first = r.firstResponse.median === undefined ? '—' : duration(r.firstResponse.median, lang);
  const breaches = r.breaches.firstResponse + r.breaches.resolution;
  return t(`投诉：${r.total} 件（严重 ${r.bySeverity.serious}），首次响应中位 ${first}，超时 ${breaches} 次，未结 ${r.open}`, `Complaints: ${r.total} (${r.bySeverity.serious} serious), median first response ${first}, ${breaches} missed deadline${breaches === 1 ? '' : 's'}, ${r.open} open`);
}

export async function budgetLine(services: Services, lang: Lang): Promise<string | undefined> {
  const t = say(lang);
  const now = services.clock.now().getTime();
  const month = monthOf(now, services.calendar);
  const budget = (await services.books.budgets()).month(month);
  if (!budget) return undefined;
  const s = budgetStatus(budget, monthFigures(services.data, month, now), services.playbook.budgets);
  const money = (v: number) => formatMoney(v, services.store.currency, lang);
  const red = s.channels.filter((c) => c.light === 'red').length;
  const share = s.total > 0 ? Math.round((s.totalSpend / s.total) * 100) : 0;
  return t(`预算：${month} 已花 ${money(s.totalSpend)} / ${money(s.total)}（${share}%，月份已过 ${Math.round(s.elapsed * 100)}%）${red ? `，${red} 个渠道红灯` : ''}`, `Budget: ${month} spent ${money(s.totalSpend)} of ${money(s.total)} (${share}%, ${Math.round(s.elapsed * 100)}% of the month gone)${red ? `, ${red} channel${red === 1 ? '' : 's'} red` : ''}`);
}
