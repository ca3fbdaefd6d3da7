import type { ChartBlock, Reply } from './reply.ts';
import type { Logger } from '../domain/log.ts';
import type { ChartRenderer } from '../adapters/charts/render-chart.ts';

// What every chat adapter needs to send a reply's charts as pictures: the renderer passed in
// (never imported by the adapter, so tests and platforms without pictures can leave it out),
// the store's time zone for the axes, and a log for pictures that could not be drawn or sent.

export interface ChartDelivery {
  render: ChartRenderer;
  timeZone: string;
  log: Logger;
}

export interface DrawnChart {
  block: ChartBlock;
  png: Buffer;
  /** A file name people see in Slack / the terminal: `gmv-by-channel.png`, `chart-1.png`. */
  filename: string;
}

/** The reply's charts that should go out as pictures (none when the conversation said `charts off`). */
export function chartsToDraw(reply: Reply): ChartBlock[] {
  if (reply.chartImages === false) return [];
  return reply.blocks.filter((b): b is ChartBlock => b.type === 'chart' && (b.points.length > 0 || (b.pacing?.length ?? 0) > 0));
}

export function chartFilename(block: ChartBlock, index: number): string {
  const slug = block.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug.length >= 3 ? slug : `chart-${index + 1}`}.png`;
}

/** Draws the reply's charts; one that fails to draw is logged and left out, so the text answer still goes. */
export async function drawCharts(reply: Reply, delivery: ChartDelivery | undefined): Promise<DrawnChart[]> {
  if (!delivery) return [];
  const out: DrawnChart[] = [];
  for (const [i, block] of chartsToDraw(reply).entries()) {
    try {
      out.push({ block, png: await delivery.render(block, { lang: reply.lang, timeZone: delivery.timeZone }), filename: chartFilename(block, i) });
    } catch (err) {
      delivery.log.warn({ err, chart: block.title }, 'chart could not be drawn; the text answer stands');
    }
  }
  return out;
}

/** Sends each drawn chart with `send`; a failed upload is logged (never silent) and the rest still go. */
export async function deliverCharts(reply: Reply, delivery: ChartDelivery | undefined, platform: string, send: (chart: DrawnChart) => Promise<void>): Promise<number> {
  let sent = 0;
  for (const chart of await drawCharts(reply, delivery)) {
    try {
      await send(chart);
      sent++;
    } catch (err) {
      delivery!.log.warn({ err, platform, chart: chart.block.title }, 'chart upload failed; the text answer stands');
    }
  }
  return sent;
}
