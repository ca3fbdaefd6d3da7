import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DENSITY, makeChartRenderer, renderChartSvg } from '../../../src/adapters/charts/render-chart.ts';
import type { ChartBlock, Reply } from '../../../src/chat/reply.ts';
import { consoleWorld } from '../../support/console-world.ts';
import { FIRST, calendar, steadyStore } from '../../support/steady-store.ts';

// `kpi` / `目标完成` carries a pacing chart: per target the actual, the pace's expectation and
// the target, drawn on one scale when the targets share a unit and as shares of target when not.

const iso = (day: number, hhmm: string) => new Date(calendar.startOf(day) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000).toISOString();
const chartOf = (r: Reply) => r.blocks.find((b): b is ChartBlock => b.type === 'chart');
type Row = { metric: string; channel: string | null; target: number; actual: number; expected: number };

async function world() {
  const w = await consoleWorld({ start: iso(FIRST + 45, '12:00'), grants: [['console:olivia', 'ops_manager']] }); // 2026-10-16
  steadyStore(56, {}, 7, w.app.services.data);
  return w;
}

describe('kpi pacing chart', () => {
  it('draws GMV targets on their money scale, each row labelled short, and renders to a PNG', async () => {
    const w = await world();
    await w.say('olivia', 'target set 2026-10 gmv 5000000 douyin 1000000');
    const reply = await w.say('bob', '目标完成');
    const chart = chartOf(reply)!;
    expect(chart).toMatchObject({ kind: 'pacing', valueKind: 'money', currency: 'CNY' });
    const rows = (reply.data as { targets: Row[] }).targets;
    expect(chart.pacing).toHaveLength(rows.length);
    for (const [i, r] of rows.entries()) {
      const drawn = chart.pacing![i];
      // The chart keeps minor units; --json says yuan.
      expect(drawn.target).toBe(r.target * 100);
      expect(Math.round(drawn.actual)).toBe(Math.round(r.actual * 100));
      expect(drawn.expected).toBeGreaterThan(0);
      expect(drawn.expected).toBeLessThan(drawn.target); // half the month gone
    }
    expect(chart.pacing!.map((p) => [p.label, p.display.target])).toEqual([['GMV · 全店', '¥500万'], ['GMV · 抖音', '¥100万']]);

    const ctx = { lang: 'zh' as const, timeZone: 'Asia/Shanghai' };
    const { svg, width, height } = renderChartSvg(chart, ctx);
    expect(svg).toContain(chart.pacing![0].display.target);
    expect(svg).toContain('应达进度');
    const png = PNG.sync.read(await makeChartRenderer()(chart, ctx));
    expect([png.width, png.height]).toEqual([width * DENSITY, height * DENSITY]);
  });

  it('draws a month mixing money and counts as shares of each target, labelled with the real figures', async () => {
    const w = await world();
    await w.say('olivia', 'target set 2026-10 gmv 5000000 orders 1000');
    const reply = await w.say('bob', 'targets');
    const chart = chartOf(reply)!;
    expect(chart.valueKind).toBe('percent');
    expect(chart.title).toContain('share of target');
    const rows = (reply.data as { targets: Row[] }).targets;
    for (const [i, r] of rows.entries()) {
      const drawn = chart.pacing![i];
      expect(drawn.target).toBe(1);
      expect(drawn.actual).toBeCloseTo(r.actual / r.target, 6);
      expect(drawn.expected).toBeCloseTo(r.expected / r.target, 4);
    }
    expect(chart.pacing!.map((p) => [p.label, p.display.target])).toEqual([['GMV · store', '¥5M'], ['Orders · store', '1K']]);
  });

  it('has no chart when no target is set', async () => {
    const w = await world();
    expect(chartOf(await w.say('bob', 'kpi'))).toBeUndefined();
  });
});
