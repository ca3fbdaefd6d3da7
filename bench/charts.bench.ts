import { makeChartRenderer, renderChartSvg } from '../src/adapters/charts/render-chart.ts';
import type { ChartBlock } from '../src/chat/reply.ts';
import { channelBarsSample, trendSample } from '../test/adapters/charts/chart-samples.ts';
import { fmt, line, percentile, timeRuns } from './report.ts';

// Issue 16's bench: drawing a chart as a phone-ready PNG (ECharts SVG → resvg at 2×, Chinese font
// subset) for a 90-day trend and a 10-bar channel breakdown, p95 ≤ 150 ms each, reported against
// building the same SVG alone (the part a browser-free renderer cannot skip).

export async function run(): Promise<void> {
  const reps = Number(process.env.BENCH_CHARTS_REPS ?? 40);
  const render = makeChartRenderer();
  const ctx = { lang: 'zh' as const, timeZone: 'Asia/Shanghai' };
  const cases: [string, ChartBlock][] = [
    ['90-point trend line (with comparison)', trendSample(90)],
    ['10-bar channel breakdown', channelBarsSample(10)],
  ];
  for (const [name, block] of cases) {
    await render(block, ctx); // the font subset for these labels is built once, as in a running bot
    const png = await timeRuns(() => render(block, ctx), reps);
    const svg = await timeRuns(() => renderChartSvg(block, ctx), reps);
    const p95 = percentile(png, 95);
    line(`${name}: PNG p50 / p95`, `${fmt(percentile(png, 50))} / ${fmt(p95)} ms`, { ok: p95 <= 150, text: 'p95 ≤ 150 ms' });
    line(`  reference: SVG only p50 / p95`, `${fmt(percentile(svg, 50))} / ${fmt(percentile(svg, 95))} ms`);
    line(`  PNG vs SVG only (p95 ratio)`, `${fmt(p95 / percentile(svg, 95), 2)}×`);
  }
  const size = (await render(trendSample(90), ctx)).length;
  line('90-point trend PNG size', `${fmt(size / 1024, 1)} KB`, { ok: size <= 200 * 1024, text: '≤ 200 KB' });
}
