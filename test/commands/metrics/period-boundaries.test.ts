import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Calendar, formatDay } from '../../../src/domain/calendar.ts';
import { templateSchema } from '../../../src/domain/checklists/template.ts';
import { resolveQuestion } from '../../../src/features/metrics/metric-command.ts';
import { eventDate, type EventDay } from '../../../src/features/metrics/period-words.ts';
import { readQuestion } from '../../../src/features/metrics/question.ts';
import type { Services } from '../../../src/bot/services.ts';

// Every period form read at the turn of a month, of a year, at Asia/Shanghai midnight (UTC+8, no DST)
// and just after February, with an injected clock. Expected dates written out by hand per clock.

const EXPECTED: Record<string, Record<string, [string, string]>> = {
  '2026-12-31T23:59:59+08:00': { '今天': ['2026-12-31', '2026-12-31'], 'yesterday': ['2026-12-30', '2026-12-30'], '前天': ['2026-12-29', '2026-12-29'], 'this week': ['2026-12-28', '2026-12-31'], '上周': ['2026-12-21', '2026-12-27'], '本月': ['2026-12-01', '2026-12-31'], 'last month': ['2026-11-01', '2026-11-30'], 'ytd': ['2026-01-01', '2026-12-31'], '12月': ['2026-12-01', '2026-12-31'], '1月': ['2026-01-01', '2026-01-31'], '2月': ['2026-02-01', '2026-02-28'], '上周五': ['2026-12-25', '2026-12-25'], '周日': ['2026-12-27', '2026-12-27'], '11/11': ['2026-11-11', '2026-11-11'], '双11': ['2026-11-11', '2026-11-11'], '双12': ['2026-12-12', '2026-12-12'], '618': ['2026-06-18', '2026-06-18'], '去年双11': ['2025-11-11', '2025-11-11'], '近7天': ['2026-12-25', '2026-12-31'], '近4周': ['2026-12-04', '2026-12-31'], 'last 3 months': ['2026-10-01', '2026-12-31'], '去年': ['2025-01-01', '2025-12-31'] },
  '2027-01-01T00:00:00+08:00': { '今天': ['2027-01-01', '2027-01-01'], 'yesterday': ['2026-12-31', '2026-12-31'], '前天': ['2026-12-30', '2026-12-30'], 'this week': ['2026-12-28', '2027-01-01'], '上周': ['2026-12-21', '2026-12-27'], '本月': ['2027-01-01', '2027-01-01'], 'last month': ['2026-12-01', '2026-12-31'], 'ytd': ['2027-01-01', '2027-01-01'], '12月': ['2026-12-01', '2026-12-31'], '1月': ['2027-01-01', '2027-01-01'], '2月': ['2026-02-01', '2026-02-28'], '上周五': ['2026-12-25', '2026-12-25'], '周日': ['2026-12-27', '2026-12-27'], '11/11': ['2026-11-11', '2026-11-11'], '双11': ['2026-11-11', '2026-11-11'], '双12': ['2026-12-12', '2026-12-12'], '618': ['2026-06-18', '2026-06-18'], '去年双11': ['2026-11-11', '2026-11-11'], '近7天': ['2026-12-26', '2027-01-01'], '近4周': ['2026-12-05', '2027-01-01'], 'last 3 months': ['2026-10-02', '2027-01-01'], '去年': ['2026-01-01', '2026-12-31'] },
  '2026-11-30T23:59:59+08:00': { '今天': ['2026-11-30', '2026-11-30'], 'yesterday': ['2026-11-29', '2026-11-29'], '前天': ['2026-11-28', '2026-11-28'], 'this week': ['2026-11-30', '2026-11-30'], '上周': ['2026-11-23', '2026-11-29'], '本月': ['2026-11-01', '2026-11-30'], 'last month': ['2026-10-01', '2026-10-31'], 'ytd': ['2026-01-01', '2026-11-30'], '12月': ['2025-12-01', '2025-12-31'], '1月': ['2026-01-01', '2026-01-31'], '2月': ['2026-02-01', '2026-02-28'], '上周五': ['2026-11-27', '2026-11-27'], '周日': ['2026-11-29', '2026-11-29'], '11/11': ['2026-11-11', '2026-11-11'], '双11': ['2026-11-11', '2026-11-11'], '双12': ['2025-12-12', '2025-12-12'], '618': ['2026-06-18', '2026-06-18'], '去年双11': ['2025-11-11', '2025-11-11'], '近7天': ['2026-11-24', '2026-11-30'], '近4周': ['2026-11-03', '2026-11-30'], 'last 3 months': ['2026-08-31', '2026-11-30'], '去年': ['2025-01-01', '2025-12-31'] },
  '2026-12-01T00:00:00+08:00': { '今天': ['2026-12-01', '2026-12-01'], 'yesterday': ['2026-11-30', '2026-11-30'], '前天': ['2026-11-29', '2026-11-29'], 'this week': ['2026-11-30', '2026-12-01'], '上周': ['2026-11-23', '2026-11-29'], '本月': ['2026-12-01', '2026-12-01'], 'last month': ['2026-11-01', '2026-11-30'], 'ytd': ['2026-01-01', '2026-12-01'], '12月': ['2026-12-01', '2026-12-01'], '1月': ['2026-01-01', '2026-01-31'], '2月': ['2026-02-01', '2026-02-28'], '上周五': ['2026-11-27', '2026-11-27'], '周日': ['2026-11-29', '2026-11-29'], '11/11': ['2026-11-11', '2026-11-11'], '双11': ['2026-11-11', '2026-11-11'], '双12': ['2025-12-12', '2025-12-12'], '618': ['2026-06-18', '2026-06-18'], '去年双11': ['2025-11-11', '2025-11-11'], '近7天': ['2026-11-25', '2026-12-01'], '近4周': ['2026-11-04', '2026-12-01'], 'last 3 months': ['2026-09-02', '2026-12-01'], '去年': ['2025-01-01', '2025-12-31'] },
  '2026-03-01T00:00:00+08:00': { '今天': ['2026-03-01', '2026-03-01'], 'yesterday': ['2026-02-28', '2026-02-28'], '前天': ['2026-02-27', '2026-02-27'], 'this week': ['2026-02-23', '2026-03-01'], '上周': ['2026-02-16', '2026-02-22'], '本月': ['2026-03-01', '2026-03-01'], 'last month': ['2026-02-01', '2026-02-28'], 'ytd': ['2026-01-01', '2026-03-01'], '12月': ['2025-12-01', '2025-12-31'], '1月': ['2026-01-01', '2026-01-31'], '2月': ['2026-02-01', '2026-02-28'], '上周五': ['2026-02-20', '2026-02-20'], '周日': ['2026-03-01', '2026-03-01'], '11/11': ['2025-11-11', '2025-11-11'], '双11': ['2025-11-11', '2025-11-11'], '双12': ['2025-12-12', '2025-12-12'], '618': ['2025-06-18', '2025-06-18'], '去年双11': ['2025-11-11', '2025-11-11'], '近7天': ['2026-02-23', '2026-03-01'], '近4周': ['2026-02-02', '2026-03-01'], 'last 3 months': ['2025-12-02', '2026-03-01'], '去年': ['2025-01-01', '2025-12-31'] }
};

const calendar = new Calendar('Asia/Shanghai');
const template = templateSchema.parse(JSON.parse(readFileSync(new URL('../../../data/templates/big-promotion.json', import.meta.url), 'utf8')));
const events: EventDay[] = template.events.flatMap((e) => {
  const d = eventDate(e.aliases);
  return d ? [{ aliases: e.aliases, name: e.name, ...d }] : [];
});

function at(iso: string) {
  const now = new Date(iso);
  const services = { clock: { now: () => now }, calendar } as unknown as Services;
  const today = calendar.dayOf(now.getTime());
  return { today, services, read: (text: string) => readQuestion(`gmv ${text}`, { today, events, channels: ['tmall'] }) };
}

describe('period words at the boundaries', () => {
  for (const [iso, forms] of Object.entries(EXPECTED)) {
    it(`at ${iso}`, () => {
      const c = at(iso);
      for (const [form, [from, to]] of Object.entries(forms)) {
        const q = c.read(form);
        expect([form, formatDay(q.period.from), formatDay(q.period.to)]).toEqual([form, from, to]);
        // Resolved against the same clock, the dates hold; a period reaching today is cut at now.
        const { period } = resolveQuestion(q, c.services);
        expect([form, formatDay(period.from), formatDay(period.to)]).toEqual([form, from, to]);
        expect([form, period.cutoffMs !== undefined]).toEqual([form, period.to === c.today && form !== '去年']);
      }
    });
  }

  it('the store day turns at midnight in Shanghai: 23:59:59 is still the 31st, 00:00 is New Year', () => {
    expect(formatDay(at('2026-12-31T23:59:59+08:00').today)).toBe('2026-12-31');
    expect(formatDay(at('2026-12-31T16:00:00Z').today)).toBe('2027-01-01');
    const { period } = resolveQuestion(at('2027-01-01T00:00:00+08:00').read('今天'), at('2027-01-01T00:00:00+08:00').services);
    expect(period.cutoffMs).toBe(0);
  });

  it('refuses what lies ahead: tomorrow\'s date, next month, this Saturday when it is Friday', () => {
    const c = at('2026-11-27T14:00:00+08:00');
    for (const form of ['2026-11-28', '2026-12-01 to 2026-12-05']) expect(() => c.read(form), form).toThrow(/future/);
    expect(() => c.read('this saturday')).toThrow(/future/);
  });
});
