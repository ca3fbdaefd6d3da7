import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../src/adapters/store/template-files.ts';
import { Calendar, formatDay, parseDay } from '../../../src/domain/calendar.ts';
import { planChecklist } from '../../../src/domain/checklists/checklist.ts';
import { dueDay, findTemplate, templateSchema } from '../../../src/domain/checklists/template.ts';
import { slotAt } from '../../../src/domain/time-of-day.ts';

describe('checklist templates', () => {
  const set = loadTemplates();
  const big = findTemplate(set.checklists, '双11')!;

  it('loads the shipped templates and finds the big promotion by its aliases', () => {
    expect(big.id).toBe('big-promotion');
    expect(findTemplate(set.checklists, 'DOUBLE11')).toBe(big);
    expect(findTemplate(set.checklists, '618')).toBe(big);
    expect(findTemplate(set.checklists, 'christmas')).toBeUndefined();
    expect(set.cadences.map((c) => c.id)).toEqual(['weekly-report', 'monthly-review', 'quarterly-review', 'member-day', 'new-product-day']);
  });

  it('covers the playbook: three months ahead to a week after, every phase owned', () => {
    const plan = planChecklist(big, parseDay('2026-11-11')!, 1);
    expect(formatDay(plan[0].due)).toBe('2026-08-11'); // -3m
    expect(formatDay(plan[plan.length - 1].due)).toBe('2026-11-18'); // +1w
    expect(new Set(plan.map((i) => i.phase))).toEqual(new Set(['month1', 'month2', 'event', 'after']));
    expect(plan.map((i) => i.no)).toEqual(plan.map((_, k) => k + 1));
    expect(plan.every((i, k) => k === 0 || plan[k - 1].due <= i.due)).toBe(true);
  });

  it('counts month offsets on the calendar, clamping at month ends', () => {
    expect(formatDay(dueDay(parseDay('2027-05-31')!, '-3m'))).toBe('2027-02-28');
    expect(formatDay(dueDay(parseDay('2028-05-31')!, '-3m'))).toBe('2028-02-29');
    expect(formatDay(dueDay(parseDay('2027-03-01')!, '-1d'))).toBe('2027-02-28');
    expect(formatDay(dueDay(parseDay('2026-12-31')!, '7d'))).toBe('2027-01-07');
    expect(formatDay(dueDay(parseDay('2026-11-11')!, '-2w'))).toBe('2026-10-28');
  });

  it('puts a due day at the store-local hour, whatever the time zone', () => {
    const day = parseDay('2026-11-11')!;
    expect(new Date(slotAt(new Calendar('Asia/Shanghai'), day, '09:00')).toISOString()).toBe('2026-11-11T01:00:00.000Z');
    expect(new Date(slotAt(new Calendar('America/New_York'), day, '09:00')).toISOString()).toBe('2026-11-11T14:00:00.000Z');
    // New York's clocks go back on 2026-11-01: the same local hour is a different UTC hour across it.
    expect(new Date(slotAt(new Calendar('America/New_York'), parseDay('2026-10-31')!, '09:00')).toISOString()).toBe('2026-10-31T13:00:00.000Z');
  });

  it('refuses a template with a bad offset or an item outside the phases', () => {
    const bad = structuredClone(big) as Record<string, any>;
    bad.items[0].offset = 'three months before';
    expect(templateSchema.safeParse(bad).success).toBe(false);
    const orphan = structuredClone(big) as Record<string, any>;
    orphan.items[0].phase = 'month9';
    expect(templateSchema.safeParse(orphan).success).toBe(false);
  });
});
