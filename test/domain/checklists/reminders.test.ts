import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../src/adapters/store/template-files.ts';
import { Calendar, parseDay } from '../../../src/domain/calendar.ts';
import { latestSlot } from '../../../src/domain/checklists/cadence-slots.ts';
import { planChecklist, type Checklist } from '../../../src/domain/checklists/checklist.ts';
import { dueReminders } from '../../../src/domain/checklists/reminders.ts';
import { quietUntil } from '../../../src/domain/time-of-day.ts';
import { findTemplate } from '../../../src/domain/checklists/template.ts';

const cal = new Calendar('Asia/Shanghai');
const times = { digestAt: '09:00', quietFrom: '22:00', quietTo: '08:00' };
const set = loadTemplates();
const at = (iso: string) => Date.parse(iso);

function checklist(event: string): Checklist {
  const t = findTemplate(set.checklists, 'double11')!;
  return { id: 1, template: t.id, name: { zh: '双11', en: 'Double 11' }, eventDay: parseDay(event)!, conversation: 'console:ops-room', startedBy: 'console:boss', startedAt: '2026-08-01T00:00:00Z', phases: t.phases, items: planChecklist(t, parseDay(event)!, 1) };
}

describe('checklist reminders', () => {
  it('sends nothing before the digest hour, then the digest, nudges for tomorrow and the Monday summary', () => {
    const c = checklist('2026-11-11'); // item 1 due 2026-08-11 (a Tuesday)
    expect(dueReminders([c], at('2026-08-10T08:59:00+08:00'), cal, times)).toEqual([]);
    const monday = dueReminders([c], at('2026-08-10T09:00:00+08:00'), cal, times);
    expect(monday.map((r) => r.kind).sort()).toEqual(['nudge', 'weekly']); // nothing due yet on the 10th
    expect(monday.find((r) => r.kind === 'nudge')!.key).toBe(`checklist-item:1:nudge:${parseDay('2026-08-11')}`);
    const tuesday = dueReminders([c], at('2026-08-11T15:00:00+08:00'), cal, times);
    expect(tuesday.map((r) => r.kind)).toEqual(['digest']);
  });

  it('asks again with the same keys, so the outbox sends each once a day', () => {
    const c = checklist('2026-11-11');
    const a = dueReminders([c], at('2026-08-12T09:00:00+08:00'), cal, times).map((r) => r.key);
    const b = dueReminders([c], at('2026-08-12T18:00:00+08:00'), cal, times).map((r) => r.key);
    expect(b).toEqual(a);
    const next = dueReminders([c], at('2026-08-13T09:00:00+08:00'), cal, times).map((r) => r.key);
    expect(next.some((k) => a.includes(k))).toBe(false);
  });

  it('lists overdue items in the digest until they are done, postponed or skipped', () => {
    const c = checklist('2026-11-11');
    const digest = (iso: string) => dueReminders([c], at(iso), cal, times).find((r) => r.kind === 'digest');
    const d = digest('2026-08-20T09:30:00+08:00');
    expect(d && d.kind === 'digest' && d.items.map((x) => [x.item.no, x.state])).toEqual([[1, 'overdue']]);
    c.items[0].status = 'done';
    expect(digest('2026-08-20T09:30:00+08:00')).toBeUndefined();
  });

  it('after downtime, catches up only the latest slot, once', () => {
    const c = checklist('2026-11-11');
    // Down from the 11th to the 14th: one digest on return (dueAt today 09:00), no backlog of three.
    const back = dueReminders([c], at('2026-08-14T16:00:00+08:00'), cal, times);
    const digests = back.filter((r) => r.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(new Date(digests[0].dueAt).toISOString()).toBe('2026-08-14T01:00:00.000Z');
  });

  it('stops a week after the last item', () => {
    const c = checklist('2026-11-11');
    expect(dueReminders([c], at('2026-11-26T09:00:00+08:00'), cal, times)).toEqual([]);
  });

  it('moves a message that falls in quiet hours to the morning', () => {
    const wait = (iso: string) => quietUntil(at(iso), cal, times.quietFrom, times.quietTo);
    expect(new Date(wait('2026-08-10T23:30:00+08:00')!).toISOString()).toBe('2026-08-11T00:00:00.000Z');
    expect(new Date(wait('2026-08-10T06:00:00+08:00')!).toISOString()).toBe('2026-08-10T00:00:00.000Z');
    expect(wait('2026-08-10T12:00:00+08:00')).toBeUndefined();
  });

  it('finds cadence slots: Monday report, Wednesday member day, the 15th, the quarter', () => {
    const by = (id: string) => set.cadences.find((c) => c.id === id)!;
    const now = at('2026-10-02T12:00:00+08:00'); // a Friday
    expect(new Date(latestSlot(by('weekly-report'), now, cal).at).toISOString()).toBe('2026-09-28T01:30:00.000Z');
    expect(new Date(latestSlot(by('member-day'), now, cal).at).toISOString()).toBe('2026-09-30T01:00:00.000Z');
    expect(new Date(latestSlot(by('new-product-day'), now, cal).at).toISOString()).toBe('2026-09-15T01:00:00.000Z');
    expect(new Date(latestSlot(by('quarterly-review'), now, cal).at).toISOString()).toBe('2026-10-01T02:00:00.000Z');
    expect(new Date(latestSlot(by('monthly-review'), now, cal).at).toISOString()).toBe('2026-10-01T02:00:00.000Z');
  });
});
