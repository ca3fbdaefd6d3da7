import { openApp } from '../compose.ts';
import { loadConfig } from '../../config.ts';
import type { Flags } from '../../main.ts';
import { ConsoleAdapter } from '../../platforms/console/console-adapter.ts';
import { buildChatAdapters, chartDelivery } from '../../platforms/index.ts';
import { join } from 'node:path';
import { ensureDemoStore } from './demo.ts';
import { OutboundEngine } from '../../outbound/scheduler/engine.ts';
import { InboxWatcher } from '../../adapters/ingest/inbox.ts';
import { inboxNotice } from '../../adapters/ingest/import-words.ts';
import { LogSink } from './log-sink.ts';
import { localAdmin, localAdminOffer } from './local-admin.ts';
import { healthBoard } from '../../adapters/http/health-board.ts';
import { startLiveIngest } from '../../adapters/ingest/live/start-ingest.ts';

/** `npm start`: the platforms that have tokens, or the terminal chat when none has. */
export async function startCommand(_args: string[], flags: Flags): Promise<number> {
  const config = loadConfig();
  const { makeLogger } = await import('../compose.ts');
  const sink = new LogSink(); // stderr; the terminal chat moves it to a file below
  const app = await openApp(config, { log: makeLogger(config, sink) });
  await ensureDemoStore(app);
  const live = await startLiveIngest(app); // Shopify webhooks and the signed ingest endpoint, when configured
  const platforms = await buildChatAdapters(config, app.services.log, { docs: app.services.docs });
  if (platforms.length > 0) {
    const handler = (incoming: Parameters<typeof app.bot.handle>[0]) => app.bot.handle(incoming);
    // A platform that cannot connect (a wrong token, no network) is reported in one line; the others still run.
    const started: typeof platforms = [];
    for (const p of platforms) {
      try {
        healthBoard.set(p.platform, 'connecting'); // what /healthz on the HTTP listeners reports
        await p.start(handler);
        healthBoard.set(p.platform, 'online');
        started.push(p);
      } catch (err) {
        healthBoard.set(p.platform, 'failed');
        app.services.log.debug({ err, platform: p.platform }, 'platform start failed');
        process.stderr.write(`${p.platform}: could not start — ${(err as Error).message}\n`);
      }
    }
    if (started.length === 0) return 1;
    const engine = await OutboundEngine.start(app, started); // scheduled and queued messages, paced per platform
    const inbox = new InboxWatcher(config.DATA_DIR, app.services, app.services.log); // `import` run beside the bot
    inbox.start();
    app.services.log.info({ platforms: started.map((p) => p.platform) }, 'bot started');
    const stop = async () => {
      await live?.stop();
      await inbox.stop();
      await engine.stop();
      for (const p of started) {
        await p.stop();
        healthBoard.set(p.platform, 'stopped');
      }
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => {}); // adapters keep the process alive until a signal
    return 0;
  }
  const user = flags.as ?? process.env.USER ?? 'me';
  const s = app.services;
  const console_ = new ConsoleAdapter({ user, direct: !!flags.dm, lang: config.BOT_LANG, localAdmin: localAdmin(s), charts: { ...chartDelivery(config, app.services.log), dir: join(config.DATA_DIR, 'charts') } });
  // JSON log lines would land between a question and its answer: unless LOG_LEVEL asks for them, they go to a file.
  const logFile = process.env.LOG_LEVEL?.trim() ? undefined : join(config.DATA_DIR, 'logs', 'bot.log');
  if (logFile) sink.toFile(logFile);
  const offer = localAdminOffer(s, config.BOT_LANG);
  process.stdout.write(
    `${s.store.name} · ${s.data.book.size.toLocaleString('en-US')} orders · ${s.store.timeZone}\n` +
      `Terminal chat as console:${user}. Try 今天GMV多少 or "gmv yesterday by channel"; "help" lists everything; :as NAME switches user; Ctrl-D quits.\n` +
      (logFile ? `${config.BOT_LANG === 'zh' ? `日志写在 ${logFile}（设置 LOG_LEVEL 可改为输出到这里）` : `Logs: ${logFile} (set LOG_LEVEL to see them here instead)`}\n` : '') +
      (offer ? `${offer}\n` : ''),
  );
  // The engine prints what the bot sends first (daily brief, reminders) into this chat.
  const engine = await OutboundEngine.start(app, [console_]);
  const inbox = new InboxWatcher(config.DATA_DIR, app.services, app.services.log, 2_000, (kind, name, r) => console_.notice(`📥 ${inboxNotice(config.DATA_DIR, kind, name, r)}`));
  inbox.start();
  await console_.start(async (incoming) => {
    const reply = await app.bot.handle(incoming);
    engine.nudge(); // what the command queued goes out now, not at the next minute
    return reply;
  });
  await engine.idle(); // piped trials see what their last command queued
  await live?.stop();
  await inbox.stop();
  await engine.stop();
  return 0;
}
