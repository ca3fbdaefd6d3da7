import { openApp } from '../compose.ts';
import { loadConfig } from '../../config.ts';
import type { Flags } from './flags.ts';
import { CONSOLE_ROOM } from '../../platforms/console/console-adapter.ts';
import { renderText } from '../../chat/text/render-text.ts';
import { drawCharts, type ChartDelivery } from '../../chat/chart-delivery.ts';
import type { Reply } from '../../chat/reply.ts';
import { writeFileSync } from 'node:fs';
import { ensureDemoStore } from './demo.ts';

/** `ask … --chart FILE`: the answer's first chart as a PNG in FILE; false (and a line on stderr) when there is none. */
async function writeChart(reply: Reply, file: string, delivery: ChartDelivery): Promise<boolean> {
  const [chart] = await drawCharts({ ...reply, chartImages: true }, delivery);
  if (!chart) {
    console.error(reply.lang === 'zh' ? `这个回答没有图表，未写入 ${file}。试试「会员分层」或「近7天 按渠道 GMV」。` : `This answer has no chart; nothing written to ${file}. Try "segments" or "gmv last 7 days by channel".`);
    return false;
  }
  writeFileSync(file, chart.png);
  console.error(reply.lang === 'zh' ? `图表已写入 ${file}` : `chart written to ${file}`);
  return true;
}

/** `store-ops-bot ask "今天GMV" [--as USER] [--json] [--chart FILE]`: one answer, then exit. */
export async function askCommand(args: string[], flags: Flags): Promise<number> {
  const text = args.join(' ').trim();
  if (!text) {
    console.error('usage: store-ops-bot ask "今天GMV" [--as USER] [--json]');
    return 2;
  }
  const config = loadConfig();
  const app = await openApp(config, { log: (await import('../compose.ts')).makeLogger(config, true) });
  await ensureDemoStore(app);
  const user = flags.as ?? process.env.USER ?? 'me';
  const reply = await app.bot.handle({
    platform: 'console',
    conversation: flags.dm ? `console:dm:${user}` : CONSOLE_ROOM,
    user: `console:${user}`,
    userName: user,
    direct: !!flags.dm,
    text,
  });
  if (flags.json) console.log(JSON.stringify(reply.data ?? { text: renderText(reply) }, null, 2));
  else console.log(renderText(reply));
  if (flags.chart !== undefined) return (await writeChart(reply, flags.chart, app.charts)) ? 0 : 1;
  const error = (reply.data as { error?: string } | undefined)?.error;
  return error && error !== 'forbidden' ? 1 : 0;
}
