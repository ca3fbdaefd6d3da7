import { weekday, type Calendar, type Day } from '../calendar.ts';
import { slotAt } from '../time-of-day.ts';
import { itemState, type Checklist, type ChecklistItem, type ItemState } from './checklist.ts';

// What reminders a checklist owes at a moment, derived only from what is stored:
// today's digest, tomorrow's nudges, this Monday's summary. The outbox keeps each key
// once, so asking again (every tick, or after a restart) never sends twice, and a slot
// missed while the bot was down is found again — once — when it comes back.

export interface ReminderTimes {
  /** Store-local time of the daily digest, nudges and the Monday summary, e.g. `09:00`. */
  digestAt: string;
  quietFrom: string;
  quietTo: string;
}

export type ChecklistReminder =
  | { kind: 'digest'; key: string; checklist: Checklist; day: Day; dueAt: number; items: { item: ChecklistItem; state: ItemState }[] }
  | { kind: 'nudge'; key: string; checklist: Checklist; item: ChecklistItem; dueAt: number }
  | { kind: 'weekly'; key: string; checklist: Checklist; monday: Day; dueAt: number };

const lastDue = (c: Checklist) => Math.max(...c.items.map((i) => i.due));

export function dueReminders(checklists: Checklist[], now: number, cal: Calendar, t: ReminderTimes): ChecklistReminder[] {
  const today = cal.dayOf(now);
  const slot = slotAt(cal, today, t.digestAt);
  if (now < slot) return [];
  const out: ChecklistReminder[] = [];
  for (const c of checklists) {
    if (lastDue(c) + 7 < today) continue; // finished a week ago: stop reminding
    const open = c.items.filter((i) => i.status === 'open');
    const pressing = open.map((item) => ({ item, state: itemState(item, today) })).filter((x) => x.state === 'due' || x.state === 'overdue');
    if (pressing.length > 0) out.push({ kind: 'digest', key: `checklist:${c.id}:digest:${today}`, checklist: c, day: today, dueAt: slot, items: pressing });
    for (const item of open) {
      if (item.due === today + 1) out.push({ kind: 'nudge', key: `checklist-item:${item.no}:nudge:${item.due}`, checklist: c, item, dueAt: slot });
    }
    if (weekday(today) === 0 && open.length > 0) out.push({ kind: 'weekly', key: `checklist:${c.id}:weekly:${today}`, checklist: c, monday: today, dueAt: slot });
  }
  return out;
}
