import { setFlagsFromString } from 'node:v8';
import { openApp } from '../src/app/compose.ts';
import { renderText } from '../src/chat/text/render-text.ts';
import { loadConfig } from '../src/config.ts';
import type { Incoming } from '../src/chat/incoming.ts';
import { timeRuns } from './report.ts';

// As bin/store-ops-bot.js does (see why there), so the figures are the bot's.
setFlagsFromString('--heap-growing-percent=50');

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
// Warm up each question once more before timing (JIT), then time without further warm-up.
for (const q of QUESTIONS) for (let i = 0; i < 100; i++) await app.bot.handle(ask(q));
renderText(first);
const cpu = process.cpuUsage();
send({ ready: true, orders: app.services.data.book.size, cpuMs: (cpu.user + cpu.system) / 1000 });
for (const q of QUESTIONS) {
  const msg = ask(q);
  const answer = await app.bot.handle(msg);
  const before = process.cpuUsage();
  const ms = await timeRuns(async () => renderText(await app.bot.handle(msg)), reps, 0);
  const used = process.cpuUsage(before);
  // The same without the text rendering, to show where the time goes.
  const handleMs = await timeRuns(() => app.bot.handle(msg), reps, 0);
  send({ question: q, ms, handleMs, cpuMsPerAnswer: (used.user + used.system) / 1000 / reps, data: answer.data, text: renderText(answer) });
}
send({ maxRssMb: process.resourceUsage().maxRSS / 1024 });
