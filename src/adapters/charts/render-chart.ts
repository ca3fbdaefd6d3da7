import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartBlock } from '../../chat/reply.ts';
import { chartText } from './axis-format.ts';
import { ChartFont, FONT_FAMILY } from './chart-font.ts';
import { chartLayout, type ChartContext } from './chart-options.ts';

// Charts drawn in-process, no browser and no network: ECharts' server-side SVG, rasterised by resvg
// at 2× for phone screens. Chat adapters get `renderChart` passed in; the domain and commands never see it.

export type { ChartContext } from './chart-options.ts';
/** Draws one chart block as a PNG. */
export type ChartRenderer = (block: ChartBlock, ctx: ChartContext) => Promise<Buffer>;

/** Pixels per CSS pixel: phones show 2× or 3×; 2× keeps files well under 200 KB. */
export const DENSITY = 2;

/** The chart as an SVG document (what the PNG is drawn from). */
export function renderChartSvg(block: ChartBlock, ctx: ChartContext): { svg: string; width: number; height: number; text: string } {
  const layout = chartLayout(block, ctx);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: layout.width, height: layout.height });
  try {
    chart.setOption(layout.option);
    return { svg: chart.renderToSVGString(), width: layout.width, height: layout.height, text: chartText(block, layout.extraText) };
  } finally {
    chart.dispose();
  }
}

/** A renderer with its own font subset; one per process is plenty. */
export function makeChartRenderer(font = new ChartFont()): ChartRenderer {
  return async (block, ctx) => {
    const { svg, text } = renderChartSvg(block, ctx);
    const fontFile = await font.fileFor(text);
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: DENSITY },
      background: '#ffffff',
      font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    });
    return resvg.render().asPng();
  };
}

let shared: ChartRenderer | undefined;
/** The process's renderer (built on first use). */
export const renderChart: ChartRenderer = (block, ctx) => (shared ??= makeChartRenderer())(block, ctx);
