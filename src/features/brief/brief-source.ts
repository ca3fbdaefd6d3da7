import { slotAt } from '../../domain/time-of-day.ts';
import { formatDay } from '../../domain/calendar.ts';
import { measure } from '../../domain/metrics/measure.ts';
import type { Metric } from '../../domain/metrics/metric.ts';
import type { Period } from '../../domain/periods.ts';
import { arrow, formatChange, formatValue } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { metricName } from '../metrics/metric-names.ts';
import { quietFeedBlocks } from '../metrics/freshness.ts';
import type { Notice, NoticeSource } from '../../bot/notices.ts';
import type { Figure, Reply } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { openBriefs } from './brief-subscriptions.ts';
import { briefWatchBlocks } from './brief-watch.ts';
import { briefTrend } from './brief-trend.ts';
import { chartsOn } from '../charts/chart-prefs.ts';

// The daily brief: each subscribed conversation gets yesterday's key figures at its local time.
// What is due is derived from the subscription and the outbox (a slot whose key is queued is
// covered), so after downtime every missed slot comes back once, up to CATCH_UP days.

const DAY = 86_400_000;
const CATCH_UP = 14;

export const briefKey = (conversation: string, day: string) => `brief:${conversation}:${day}`;

export const briefSource: NoticeSource = {
  id: 'brief',
  async collect(now, services) {
    const cal = services.calendar;
    const doc = await openBriefs(services.docs);
    const today = cal.dayOf(now.getTime());
    const out: Notice[] = [];
    for (const sub of Object.values(doc.data.subs)) {
      const since = Date.parse(sub.since);
      for (let day = today - CATCH_UP; day <= today; day++) {
        const at = slotAt(cal, day, sub.time);
        if (at > now.getTime() || at < since) continue;
        const key = briefKey(sub.conversation, formatDay(day));
        if (services.outboxStore.byKey(key)) continue;
        const reply = await briefReply(services, day - 1, sub.lang);
        if (!(await chartsOn(services.docs, sub.conversation))) reply.chartImages = false;
        out.push({ key, kind: 'brief.daily', target: { conversation: sub.conversation, ...(sub.thread ? { thread: sub.thread } : {}) }, reply, dueAt: new Date(at) });
      }
    }
    return out;
  },
};

/** Key figures of one store day, each against the day before. */
export async function briefReply(services: Services, day: number, lang: Lang): Promise<Reply> {
  const t = say(lang);
  const { currency, name } = services.store;
  const period: Period = { kind: 'yesterday', from: day, to: day };
  const items: Figure[] = [];
  const summary: string[] = [];
  const data: Record<string, number | null> = {};
  const metrics = services.playbook.brief.metrics as Metric[];
  for (const metric of metrics) {
    const m = measure(services.data, metric, period);
    const change = formatChange(m.value, m.previous, m.unit, currency, lang);
    const value = formatValue(m.value, m.unit, currency, lang);
    items.push({ label: metricName(metric, lang), value, ...(change ? { change } : {}) });
    summary.push(`${metricName(metric, lang)} ${value}${change ? ` ${arrow(change)}${change.text}` : ''}`);
    data[metric] = m.value;
  }
  const date = formatDay(day);
  return {
    lang,
    blocks: [
      { type: 'text', text: t(`📊 ${name} 日报 · ${date}`, `📊 ${name} daily brief · ${date}`), tone: 'heading' },
      { type: 'figures', items },
      ...(await briefWatchBlocks(services, day, metrics, lang)),
      briefTrend(services, day, lang),
      ...quietFeedBlocks(services, lang),
      { type: 'context', text: t(`对比前一天 · 发送「日报 关闭」停止`, `vs the day before · send "brief off" to stop`) },
    ],
    summary: summary.join(t('；', '; ')),
    data: { brief: date, ...data },
  };
}
