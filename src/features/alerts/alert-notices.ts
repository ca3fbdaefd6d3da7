import { alertKey } from '../../domain/alerts/alert.ts';
import { quietUntil } from '../../domain/time-of-day.ts';
import type { Notice, NoticeSource } from '../../bot/notices.ts';
import { alertReply } from './alert-reply.ts';
import { openAlertState, muteKey } from './alert-state.ts';
import { dayAlerts, kpiAlertsNow } from './current-alerts.ts';

// Alerts pushed to subscribed conversations: at most one per rule, channel and day (the
// outbox keeps each key once), held through quiet hours, and after downtime the last
// CATCH_UP days are checked again so nothing found while down is lost.

const CATCH_UP = 3;

export const alertNotices: NoticeSource = {
  id: 'alerts',
  async collect(now, services) {
    const state = await openAlertState(services.docs);
    const subs = Object.values(state.data.subs);
    if (subs.length === 0) return [];
    const nowMs = now.getTime();
    const cal = services.calendar;
    const today = cal.dayOf(nowMs);
    const rules = services.playbook.alerts;
    const found = [...(await kpiAlertsNow(services, nowMs))];
    for (let day = today - CATCH_UP; day < today; day++) found.push(...dayAlerts(services, day, nowMs));
    const quiet = quietUntil(nowMs, cal, rules.quietStart, rules.quietEnd);
    const out: Notice[] = [];
    for (const sub of subs) {
      const since = cal.dayOf(Date.parse(sub.since));
      for (const a of found) {
        if (a.day < since - 1) continue; // a subscription starts with yesterday's alerts, not older ones
        const muted = state.data.mutes[muteKey(sub.conversation, a.rule, a.channel)];
        if (muted && Date.parse(muted) > nowMs) continue;
        const key = `alert:${sub.conversation}:${alertKey(a)}`;
        if (services.outboxStore.byKey(key)) continue;
        out.push({
          key,
          kind: 'alert',
          target: { conversation: sub.conversation, ...(sub.thread ? { thread: sub.thread } : {}) },
          reply: alertReply(a, services, sub.lang),
          dueAt: now,
          ...(quiet ? { notBefore: new Date(quiet) } : {}),
        });
      }
    }
    return out;
  },
};
