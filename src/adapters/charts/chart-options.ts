import type { Lang } from '../../chat/lang.ts';
import type { ChartBlock } from '../../chat/reply.ts';
import { tickFormatter } from './axis-format.ts';
import { FONT_FAMILY } from './chart-font.ts';

// A ChartBlock as an ECharts option: one builder per kind, sized for a phone screen.

export interface ChartContext {
  lang: Lang;
  /** The store's time zone: trend days are its days, and the chart says so. */
  timeZone: string;
}

export interface ChartLayout {
  option: Record<string, unknown>;
  width: number;
  height: number;
  /** Strings the option draws besides the block's own (subtitle, legend), for the font subset. */
  extraText: string[];
}

const INK = '#1f2933';
const MUTED = '#7b8794';
const MAIN = '#2f6fde';
const FAINT = '#b5bfca';
const TRACK = '#e4e7eb';
const WIDTH = 720;

const base = (title: string, subtitle?: string) => ({
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: FONT_FAMILY, color: INK },
  title: { text: title, ...(subtitle ? { subtext: subtitle } : {}), left: 16, top: 12, textStyle: { fontSize: 20, fontWeight: 'normal', color: INK }, subtextStyle: { fontSize: 13, color: MUTED } },
});

const valueAxis = (format: (v: number) => string) => ({ type: 'value', axisLabel: { formatter: format, fontSize: 13, color: MUTED }, splitLine: { lineStyle: { color: TRACK } } });

function line(block: ChartBlock, ctx: ChartContext): ChartLayout {
  const t = (zh: string, en: string) => (ctx.lang === 'zh' ? zh : en);
  const subtitle = t(`日期按 ${ctx.timeZone}`, `Days in ${ctx.timeZone}`);
  const many = block.points.length > 31;
  const last = block.points.length - 1;
  const series: unknown[] = [];
  if (block.compare) {
    series.push({ type: 'line', name: block.compare.label, data: block.compare.points.map((p) => p.value), showSymbol: false, lineStyle: { color: FAINT, width: 2, type: 'dashed' }, itemStyle: { color: FAINT }, z: 1 });
  }
  series.push({
    type: 'line',
    name: block.title,
    data: block.points.map((p) => p.value),
    // The latest value, as the text answer shows it, above the end of the line (also when 90 points hide the dots).
    markPoint: last >= 0 ? { symbol: 'circle', symbolSize: 8, itemStyle: { color: MAIN }, label: { show: true, formatter: block.points[last].display, position: 'top', align: 'right', fontSize: 14, color: INK, textBorderColor: '#ffffff', textBorderWidth: 3 }, data: [{ coord: [last, block.points[last].value] }] } : undefined,
    showSymbol: !many,
    symbolSize: 6,
    lineStyle: { color: MAIN, width: 3 },
    itemStyle: { color: MAIN },
    z: 2,
  });
  const legend = block.compare ? [block.title, block.compare.label] : [];
  return {
    width: WIDTH,
    height: 400,
    extraText: [subtitle, ...legend],
    option: {
      ...base(block.title, subtitle),
      ...(legend.length ? { legend: { data: legend, right: 16, top: 16, textStyle: { fontSize: 13, color: MUTED } } } : {}),
      grid: { left: 16, right: 32, top: 84, bottom: 16, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: block.points.map((p) => p.label), axisLabel: { fontSize: 13, color: MUTED, hideOverlap: true }, axisLine: { lineStyle: { color: FAINT } } },
      yAxis: valueAxis(tickFormatter(block, ctx.lang)),
      series,
    },
  };
}

/** Horizontal bars, largest first as given, each labelled with its value and change as the text answer shows them. */
function bar(block: ChartBlock, ctx: ChartContext): ChartLayout {
  const rows = block.points.length;
  return {
    width: WIDTH,
    height: Math.max(240, 84 + rows * 40),
    extraText: [],
    option: {
      ...base(block.title),
      grid: { left: 16, right: 150, top: 60, bottom: 12, containLabel: true },
      xAxis: { ...valueAxis(tickFormatter(block, ctx.lang)), axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: 'category', inverse: true, data: block.points.map((p) => p.label), axisTick: { show: false }, axisLine: { show: false }, axisLabel: { fontSize: 14, color: INK } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 26,
          itemStyle: { color: MAIN, borderRadius: [0, 3, 3, 0] },
          data: block.points.map((p) => ({
            value: p.value,
            label: {
              show: true,
              position: 'right',
              formatter: p.change ? `{v|${p.display}}  {c|${p.change}}` : `{v|${p.display}}`,
              rich: { v: { fontSize: 14, color: INK }, c: { fontSize: 13, color: MUTED } },
            },
          })),
        },
      ],
    },
  };
}

const paceColor = (r: { actual: number; expected: number }) => (r.expected <= 0 || r.actual >= 0.9 * r.expected ? '#2e9e5b' : r.actual >= 0.8 * r.expected ? '#e3a008' : '#d64545');

/** KPI pacing: the target as a pale track, the actual as a bar coloured by pace, and a tick where today's pace expects it. */
function pacing(block: ChartBlock, ctx: ChartContext): ChartLayout {
  const t = (zh: string, en: string) => (ctx.lang === 'zh' ? zh : en);
  const rows = block.pacing ?? [];
  const names = { actual: t('实际', 'Actual'), expected: t('应达进度', 'Expected by now'), target: t('目标', 'Target') };
  return {
    width: WIDTH,
    height: Math.max(220, 110 + rows.length * 64),
    extraText: Object.values(names),
    option: {
      ...base(block.title),
      legend: { data: [names.actual, names.expected, names.target], right: 16, top: 16, textStyle: { fontSize: 13, color: MUTED } },
      grid: { left: 16, right: 24, top: 64, bottom: 12, containLabel: true },
      xAxis: { ...valueAxis(tickFormatter(block, ctx.lang)), max: Math.max(...rows.map((r) => Math.max(r.target, r.actual, r.expected)), 1) },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisTick: { show: false }, axisLabel: { fontSize: 14, color: INK } },
      series: [
        { type: 'bar', name: names.target, barWidth: 24, barGap: '-100%', itemStyle: { color: TRACK }, data: rows.map((r) => ({ value: r.target, label: { show: true, position: 'insideRight', formatter: r.display.target, color: MUTED, fontSize: 13 } })), z: 1 },
        { type: 'bar', name: names.actual, barWidth: 24, barGap: '-100%', itemStyle: { color: MAIN }, data: rows.map((r) => ({ value: r.actual, itemStyle: { color: paceColor(r) }, label: { show: true, position: 'insideLeft', formatter: r.display.actual, color: '#ffffff', fontSize: 12 } })), z: 2 },
        { type: 'scatter', name: names.expected, symbol: 'rect', symbolSize: [4, 34], itemStyle: { color: INK }, data: rows.map((r, i) => [r.expected, i]), z: 3 },
      ],
    },
  };
}

export function chartLayout(block: ChartBlock, ctx: ChartContext): ChartLayout {
  return block.kind === 'line' ? line(block, ctx) : block.kind === 'pacing' ? pacing(block, ctx) : bar(block, ctx);
}
