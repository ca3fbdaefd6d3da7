import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DENSITY, makeChartRenderer, renderChartSvg } from '../../../src/adapters/charts/render-chart.ts';
import type { ChartBlock, Reply } from '../../../src/chat/reply.ts';
import { consoleWorld } from '../../support/console-world.ts';
import { FIRST, calendar, steadyStore } from '../../support/steady-store.ts';

// The weekly report's line chart: last week's GMV by day, Monday first, the week before faintly behind.

const at = (day: number, hhmm: string) => new Date(calendar.startOf(day) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000).toISOString();
const MONDAY = FIRST + 55; // 2026-10-26
const chartOf = (r: Reply) => r.blocks.find((b): b is ChartBlock => b.type === 'chart');

/** GMV of the paid orders of store days [from, to], summed straight from the order book's columns. */
function paidGmv(data: { book: { size: number; day: { data: ArrayLike<number> }; amount: { data: ArrayLike<number> }; paid: { data: ArrayLike<number> } } }, from: number, to: number) {
  let sum = 0;
  for (let i = 0; i < data.book.size; i++) if (data.book.paid.data[i] && data.book.day.data[i] >= from && data.book.day.data[i] <= to) sum += data.book.amount.data[i];
  return sum;
}

describe('weekly report trend', () => {
  it('carries last week day by day against the week before, and draws it', async () => {
    const w = await consoleWorld({ start: at(MONDAY + 2, '12:00') });
    steadyStore(70, {}, 3, w.app.services.data);
    const reply = await w.say('bob', 'weekly report');
    const chart = chartOf(reply)!;
    expect(chart).toMatchObject({ kind: 'line', valueKind: 'money', currency: 'CNY', title: 'GMV by day, last week' });
    expect(chart.points.map((p) => p.label)).toEqual(['10-19 Mon', '10-20 Tue', '10-21 Wed', '10-22 Thu', '10-23 Fri', '10-24 Sat', '10-25 Sun']);
    expect(chart.compare!.points[0].label).toBe('10-12 Mon');
    const sum = (ps: { value: number }[]) => ps.reduce((a, p) => a + p.value, 0);
    const week = MONDAY - 7;
    expect(sum(chart.points)).toBe(paidGmv(w.app.services.data as never, week, week + 6));
    expect(sum(chart.compare!.points)).toBe(paidGmv(w.app.services.data as never, week - 7, week - 1));
    expect(chart.points[5].value).toBe(paidGmv(w.app.services.data as never, week + 5, week + 5));

    const ctx = { lang: 'en' as const, timeZone: 'Asia/Shanghai' };
    const { svg, width, height } = renderChartSvg(chart, ctx);
    expect(svg).toContain('The week before');
    expect(svg).toContain(chart.points[6].display);
    const png = PNG.sync.read(await makeChartRenderer()(chart, ctx));
    expect([png.width, png.height]).toEqual([width * DENSITY, height * DENSITY]);
  });

  it('names weekdays in Chinese and keeps the chart text-only where charts are off', async () => {
    const w = await consoleWorld({ start: at(MONDAY + 2, '12:00') });
    steadyStore(70, {}, 3, w.app.services.data);
    expect(chartOf(await w.say('bob', '周报'))!.points[0].label).toBe('10-19 周一');
    await w.say('bob', '图表 关闭');
    expect((await w.say('bob', '周报')).chartImages).toBe(false);
  });
});
