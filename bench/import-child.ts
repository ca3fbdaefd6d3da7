import { setFlagsFromString } from 'node:v8';
import { openApp } from '../src/app/compose.ts';
import { loadConfig } from '../src/config.ts';
import { importOrders } from './import-orders.ts';

// As bin/store-ops-bot.js does (see why there), so the figures are the bot's.
setFlagsFromString('--heap-growing-percent=50');

// The importing side of the foundation bench, in its own process so its memory
// is the import's alone: open the app on DATA_DIR, import the CSV given as the
// first argument, answer BENCH_QUESTION once, print one JSON line.

const app = await openApp(loadConfig());
const cpu0 = process.cpuUsage();
const t = performance.now();
const imported = await importOrders(process.argv[2], app.services);
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const answer = await app.bot.handle({ platform: 'console', conversation: 'console:room', user: 'console:bench', direct: false, text: process.env.BENCH_QUESTION ?? 'gmv today' });
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, via: imported.via, summary: imported.summary, data: answer.data, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
