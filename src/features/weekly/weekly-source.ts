import { formatDay, weekday } from '../../domain/calendar.ts';
import { slotAt } from '../../domain/time-of-day.ts';
import { chartsOn } from '../charts/chart-prefs.ts';
import type { Notice, NoticeSource } from '../../bot/notices.ts';
import { weeklyReport } from './weekly-report.ts';
import { openWeekly } from './weekly-subscriptions.ts';

// The weekly report goes out on Mondays at each subscription's time; after downtime the
// latest missed Monday (within two weeks) is sent once, late, keyed by conversation and week.

export const weeklySource: NoticeSource = {
  id: 'weekly',
  async collect(now, services) {
    const cal = services.calendar;
    const doc = await openWeekly(services.docs);
    const today = cal.dayOf(now.getTime());
    const out: Notice[] = [];
    for (const sub of Object.values(doc.data.subs)) {
      for (let monday = today - weekday(today) - 7; monday <= today; monday += 7) {
        const at = slotAt(cal, monday, sub.time);
        if (at > now.getTime() || at < Date.parse(sub.since)) continue;
        const key = `weekly:${sub.conversation}:${formatDay(monday)}`;
        if (services.outboxStore.byKey(key)) continue;
        const reply = await weeklyReport(services, monday, sub.lang);
        if (!(await chartsOn(services.docs, sub.conversation))) reply.chartImages = false;
        out.push({ key, kind: 'weekly.report', target: { conversation: sub.conversation, ...(sub.thread ? { thread: sub.thread } : {}) }, reply, dueAt: new Date(at) });
      }
    }
    return out;
  },
};
