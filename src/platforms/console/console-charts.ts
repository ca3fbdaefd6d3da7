import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reply } from '../../chat/reply.ts';
import { deliverCharts, type ChartDelivery } from '../../chat/chart-delivery.ts';
import { sparkline } from '../../chat/text/sparkline.ts';

// The terminal cannot show a picture: each chart is written as a PNG under DATA_DIR/charts,
// its path printed with a one-line sparkline of the same numbers.

export interface ConsoleCharts extends ChartDelivery {
  /** Where the PNGs go (DATA_DIR/charts). */
  dir: string;
}

let seq = 0;

export async function chartLines(reply: Reply, charts: ConsoleCharts | undefined, now = new Date()): Promise<string[]> {
  const lines: string[] = [];
  await deliverCharts(reply, charts, 'console', async (c) => {
    mkdirSync(charts!.dir, { recursive: true });
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const file = join(charts!.dir, `${stamp}-${++seq}-${c.filename}`);
    writeFileSync(file, c.png);
    const points = c.block.points;
    const ends = points.length > 1 ? `  ${points[0].display} → ${points[points.length - 1].display}` : '';
    lines.push(`📈 ${c.block.title}  ${sparkline(points.map((p) => p.value))}${ends}`, `   ${file}`);
  });
  return lines;
}
