import { openApp } from '../src/app.ts';
import { renderText } from '../src/adapters/chat/text/render-text.ts';
import { loadConfig } from '../src/config.ts';
import type { Incoming } from '../src/commands/incoming.ts';
import { timeRuns } from './report.ts';

// The serving side of the foundation bench, in its own process so its start time
// and memory are the app's alone: open the app on DATA_DIR, answer once (ready),
// then time the two questions through Bot.handle + text rendering.
// Prints one JSON object per line on stdout.

const send = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
const QUESTIONS = (process.env.BENCH_QUESTIONS ?? '').split('|').filter(Boolean);
const reps = Number(process.env.BENCH_REPS ?? 2000);

const config = loadConfig();
const app = await openApp(config);
const ask = (text: string): Incoming => ({ platform: 'console', conversation: 'console:room', user: 'console:bench', userName: 'bench', direct: false, text });
const first = await app.bot.handle(ask(QUESTIONS[0]));
renderText(first);
send({ ready: true, orders: app.services.data.book.size });
for (const q of QUESTIONS) {
  const msg = ask(q);
  const answer = await app.bot.handle(msg);
  const ms = await timeRuns(async () => renderText(await app.bot.handle(msg)), reps);
  send({ question: q, ms, data: answer.data, text: renderText(answer) });
}
send({ maxRssMb: process.resourceUsage().maxRSS / 1024 });
