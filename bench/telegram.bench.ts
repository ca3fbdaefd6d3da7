import { TelegramAdapter } from '../src/platforms/telegram/telegram-adapter.ts';
import { toIncoming } from '../src/platforms/telegram/telegram-incoming.ts';
import { renderTelegram } from '../src/platforms/telegram/telegram-render.ts';
import { renderText } from '../src/chat/text/render-text.ts';
import { generateDemoStore } from '../src/adapters/demo/demo-store.ts';
import { MemoryDocStore } from '../src/adapters/store/lowdb-doc-store.ts';
import { openApp } from '../src/app/compose.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/domain/log.ts';
import { applyOrders } from '../src/domain/orders/apply-orders.ts';
import { BOT_INFO, BotApiStandIn } from '../test/adapters/chat/telegram/bot-api-stand-in.ts';
import { fixture } from '../test/adapters/chat/telegram/fixtures.ts';
import { fmt, line, percentile, timeRuns } from './report.ts';

// Issue 6's bench: what the Telegram adapter adds to an answer. (1) A group command through the
// real grammY bot, long polling a loopback stand-in of the Bot API, until the answer is posted,
// against the reference of the same question through Bot.handle alone. (2) Rendering a
// by-channel answer as Telegram HTML against the terminal text renderer.

export async function run(): Promise<void> {
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: '2026-11-27T10:30:00+08:00', LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
  const { calendar, clock, data, orders } = app.services;
  await applyOrders(data, orders, generateDemoStore({ now: clock.now().getTime(), startOfDay: (d) => calendar.startOf(d), dayOf: (ms) => calendar.dayOf(ms) }).orders);
  const api = new BotApiStandIn();
  const adapter = new TelegramAdapter({ token: '1:BENCH', apiRoot: await api.listen(), botInfo: BOT_INFO, docs: new MemoryDocStore(), log: silentLogger });
  await adapter.start((i) => app.bot.handle(i));
  const ask = (id: number) => {
    const u = fixture('group-command', id);
    u.message = { ...u.message!, text: '/gmv@StoreOpsBot today by channel', entities: [{ offset: 0, length: 16, type: 'bot_command' }] };
    return u;
  };
  const reps = Number(process.env.BENCH_TELEGRAM_REPS ?? 200);
  let id = 1;
  const viaTelegram = await timeRuns(async () => {
    const before = api.callsOf('sendMessage').length;
    api.push(ask(id++));
    await api.waitFor('sendMessage', before + 1);
  }, reps);
  const incoming = toIncoming(ask(0), { id: BOT_INFO.id, username: BOT_INFO.username })!;
  const direct = await timeRuns(() => app.bot.handle(incoming), reps);
  await adapter.stop();
  await api.close();
  const p50 = percentile(viaTelegram, 50);
  const p95 = percentile(viaTelegram, 95);
  const ref = percentile(direct, 50);
  line('answer via grammY + stand-in, p50 / p95', `${fmt(p50)} / ${fmt(p95)} ms`, { ok: p95 < 250, text: 'p95 < 250 ms' });
  line('reference: Bot.handle alone, p50', `${fmt(ref)} ms`);
  line('adapter overhead (p50 − reference p50)', `${fmt(p50 - ref)} ms`);

  const reply = await app.bot.handle(incoming);
  const html = percentile(await timeRuns(() => renderTelegram(reply), 2000), 50);
  const text = percentile(await timeRuns(() => renderText(reply), 2000), 50);
  line('render HTML vs text renderer (p50 ratio)', `${fmt(html / text, 2)}×`, { ok: html / text <= 3, text: '≤ 3×' });
}
