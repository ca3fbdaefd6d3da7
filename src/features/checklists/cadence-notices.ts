import { latestSlot } from '../../domain/checklists/cadence-slots.ts';
import { formatDay } from '../../domain/calendar.ts';
import { measure } from '../../domain/metrics/measure.ts';
import { resolvePeriod } from '../../domain/periods.ts';
import { formatChange, formatValue } from '../shared/format.ts';
import { metricName } from '../metrics/metric-names.ts';
import type { Notice, NoticeSource } from '../../bot/notices.ts';
import type { Block, Figure } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import type { Cadence } from '../../domain/checklists/template.ts';

// Routine cadences (weekly report, monthly review, member day, new-product day) in every
// subscribed conversation. Only the latest slot counts, and only within a day of it, so
// a restart after a long downtime sends each reminder once, flagged late, not a backlog.

const GRACE_MS = 24 * 3_600_000;

export const cadenceNoticeSource: NoticeSource = {
  id: 'cadences',
  async collect(now, services) {
    const book = await services.books.checklists();
    const out: Notice[] = [];
    for (const sub of book.cadenceSubscriptions) {
      const lang = sub.lang ?? services.store.lang;
      for (const c of services.templates.cadences) {
        const slot = latestSlot(c, now.getTime(), services.calendar);
        if (slot.at < Date.parse(sub.since) || now.getTime() - slot.at > GRACE_MS) continue;
        out.push({
          key: `cadence:${c.id}:${sub.conversation}:${formatDay(slot.day)}`,
          kind: 'cadence.reminder',
          target: { conversation: sub.conversation, ...(sub.thread ? { thread: sub.thread } : {}) },
          dueAt: new Date(slot.at),
          reply: { lang, summary: c.name[lang], blocks: [{ type: 'text', tone: 'heading', text: `🔔 ${c.name[lang]}` }, { type: 'text', text: c.text[lang] }, ...figures(c, now, services, lang)] },
        });
      }
    }
    return out;
  },
};

/** The period's key figures with their change, attached to report reminders. */
function figures(c: Cadence, now: Date, s: Services, lang: 'zh' | 'en'): Block[] {
  if (!c.figures) return [];
  const period = resolvePeriod({ kind: c.figures }, now.getTime(), s.calendar);
  const items: Figure[] = (['gmv', 'orders', 'aov', 'refund_rate'] as const).map((metric) => {
    const m = measure(s.data, metric, period);
    const change = formatChange(m.value, m.previous, m.unit, s.store.currency, lang);
    return { label: metricName(metric, lang), value: formatValue(m.value, m.unit, s.store.currency, lang), ...(change ? { change } : {}) };
  });
  return [{ type: 'figures', items }, { type: 'context', text: `${formatDay(period.from)} – ${formatDay(period.to)} · ${s.store.timeZone}` }];
}
