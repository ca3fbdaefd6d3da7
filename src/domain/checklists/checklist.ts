import type { Day } from '../calendar.ts';
import type { Role } from '../roles.ts';
import { dueDay, type ChecklistTemplate } from './template.ts';

export type ItemStatus = 'open' | 'done' | 'skipped';

export interface ChecklistItem {
  /** Item number, unique across the store's checklists, as typed in `done 4`. */
  no: number;
  phase: string;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  ownerRole: Role;
  /** A person assigned with `assign 4 @user`; else the holders of ownerRole. */
  owner?: string;
  due: Day;
  status: ItemStatus;
  doneBy?: string;
  doneAt?: string;
  skipReason?: string;
  postponedDays: number;
}

export interface Checklist {
  id: number;
  template: string;
  /** The event's name in both languages (双11 / Double 11). */
  name: { zh: string; en: string };
  eventDay: Day;
  conversation: string;
  thread?: string;
  startedBy: string;
  startedAt: string;
  /** The language it was started in; its reminders speak it (older checklists: the store's). */
  lang?: 'zh' | 'en';
  phases: { id: string; name: { zh: string; en: string } }[];
  items: ChecklistItem[];
}

/** Lays out a template's items with due dates counted from the event day. */
export function planChecklist(t: ChecklistTemplate, eventDay: Day, firstNo: number): ChecklistItem[] {
  return t.items
    .map((i) => ({ phase: i.phase, title: i.title, description: i.description, ownerRole: i.owner, due: dueDay(eventDay, i.offset), status: 'open' as ItemStatus, postponedDays: 0 }))
    .sort((a, b) => a.due - b.due)
    .map((i, k) => ({ ...i, no: firstNo + k }));
}

export type ItemState = 'done' | 'skipped' | 'overdue' | 'due' | 'upcoming';

export function itemState(item: ChecklistItem, today: Day): ItemState {
  if (item.status === 'done') return 'done';
  if (item.status === 'skipped') return 'skipped';
  if (item.due < today) return 'overdue';
  return item.due === today ? 'due' : 'upcoming';
}
