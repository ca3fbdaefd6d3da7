import { z } from 'zod';
import { complaintReport } from '../../domain/complaints/report.ts';
import { resolvePeriod } from '../../domain/periods.ts';
import { channelName } from '../shared/channels.ts';
import { clockOfDay, periodLabel } from '../shared/format.ts';
import { say } from '../../chat/lang.ts';
import { findPeriod } from '../metrics/question.ts';
import { text } from '../../chat/reply.ts';
import { roleName } from '../../bot/role-names.ts';
import { defineCommand } from '../../bot/spec.ts';
import { complaintDesk } from './complaint-access.ts';
import { duration, severityName } from './complaint-words.ts';
import { count } from '../shared/counts.ts';

const periodSpec = z.object({
  kind: z.enum(['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'last_days', 'range']),
  n: z.number().int().min(1).max(1096).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
});

/** `complaint report this week` / `投诉报表 本周`: counts, response and resolution times, breaches, escalations, channels. */
export const complaintReportCommand = defineCommand({
  id: 'complaint-report',
  phrases: { zh: ['投诉报表', '投诉报告', '投诉统计'], en: ['complaint report', 'complaints report'] },
  summary: { zh: '投诉报表', en: 'Complaint report' },
  examples: { zh: ['投诉报表 本周', '投诉报表 上月'], en: ['complaint report this week', 'complaint report last month'] },
  role: 'staff',
  args: z.object({ period: periodSpec }),
  parse: (rest) => ({ period: findPeriod(rest) ?? { kind: 'this_week' } }),
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const { services, lang } = ctx;
    const now = services.clock.now().getTime();
    const period = resolvePeriod(a.period, now, services.calendar);
    const desk = await complaintDesk(services);
    await desk.refresh(now);
    const r = complaintReport(desk.all, services.calendar.startOf(period.from), services.calendar.startOf(period.to + 1), desk.time);
    const d = (v: number | undefined) => (v === undefined ? '—' : duration(v, lang));
    const label = periodLabel(period, lang, clockOfDay);
    const blocks = [
      text(t(`投诉报表 · ${label}`, `Complaint report · ${label}`), 'heading'),
      {
        type: 'figures' as const,
        items: [
          { label: t('投诉', 'Complaints'), value: count(r.total) },
          ...(['serious', 'normal', 'watch'] as const).map((s) => ({ label: severityName(s, lang), value: count(r.bySeverity[s]) })),
          { label: t('未结', 'Still open'), value: count(r.open) },
        ],
      },
      {
        type: 'table' as const,
        columns: [{ title: '', align: 'left' as const }, { title: t('件数', 'Count'), align: 'right' as const }, { title: t('中位数', 'Median'), align: 'right' as const }, { title: 'P90', align: 'right' as const }],
        rows: [
          [t('首次响应', 'First response'), count(r.firstResponse.count), d(r.firstResponse.median), d(r.firstResponse.p90)],
          [t('解决用时', 'Resolution'), count(r.resolution.count), d(r.resolution.median), d(r.resolution.p90)],
        ],
      },
      text(
        t(
          `超时：首次响应 ${count(r.breaches.firstResponse)} 件，解决 ${count(r.breaches.resolution)} 件。升级：${roleName('cs_lead', 'zh')} ${count(r.escalations.cs_lead)}，${roleName('ops_manager', 'zh')} ${count(r.escalations.ops_manager)}，${roleName('brand_pr', 'zh')} ${count(r.escalations.brand_pr)}。`,
          `Breaches: first response ${count(r.breaches.firstResponse)}, resolution ${count(r.breaches.resolution)}. Escalations: cs lead ${count(r.escalations.cs_lead)}, ops manager ${count(r.escalations.ops_manager)}, brand / PR ${count(r.escalations.brand_pr)}.`,
        ),
        r.breaches.firstResponse + r.breaches.resolution ? 'warning' : 'normal',
      ),
    ];
    if (r.byChannel.length) {
      blocks.push({
        type: 'table' as const,
        columns: [{ title: t('渠道', 'Channel'), align: 'left' as const }, { title: t('投诉', 'Complaints'), align: 'right' as const }, { title: t('严重', 'Serious'), align: 'right' as const }, { title: t('超时', 'Breached'), align: 'right' as const }],
        rows: r.byChannel.map((c) => [c.channel ? channelName(c.channel, lang) : t('未注明', 'not given'), count(c.count), count(c.serious), count(c.breached)]),
      });
    }
    // "Working time" only means something when business hours are set; otherwise the clock runs around the clock.
    const hours = desk.rules.businessHours;
    const days = hours && hours.days.length < 7 ? t(`，每周${hours.days.map((d) => '一二三四五六日'[d - 1]).join('、')}`, `, ${hours.days.map((d) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d - 1]).join('/')}`) : '';
    const counted = hours
      ? t(`用时按工作时间（${hours.start}–${hours.end}${days}）计`, `Times count working hours only (${hours.start}–${hours.end}${days})`)
      : t('用时按全天计', 'Times count around the clock');
    blocks.push({ type: 'context', text: t(`${counted}，不含等待客户的暂停；时区 ${services.store.timeZone}。`, `${counted}, excluding pauses while waiting on the customer; time zone ${services.store.timeZone}.`) });
    return { lang, blocks, summary: t(`投诉报表 ${label}`, `Complaint report ${label}`), data: { period: { from: period.from, to: period.to }, ...r } };
  },
});
