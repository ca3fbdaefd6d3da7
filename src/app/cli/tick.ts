import { openApp, makeLogger } from '../compose.ts';
import { buildNoticeSources } from '../../features/notice-sources.ts';
import type { Reply } from '../../chat/reply.ts';
import { loadConfig } from '../../config.ts';
import type { Flags } from '../../main.ts';
import { addCliCommand } from './cli-registry.ts';
import { ConsoleAdapter } from '../../platforms/console/console-adapter.ts';
import { buildChatAdapters } from '../../platforms/index.ts';
import { buildDispatcher } from '../../outbound/build-dispatcher.ts';
import { runTick } from '../../outbound/scheduler/run-tick.ts';
import { ensureDemoStore } from './demo.ts';

/**
 * `store-ops-bot tick`: runs what is due once (collect → queue → send), prints what went out
 * and exits; for the system's own cron, and for trials with BOT_NOW. Console-targeted notices
 * are printed here; other platforms' go through their adapters when configured.
 */
export async function tickCommand(_args: string[], flags: Flags): Promise<number> {
  const config = loadConfig();
  const log = makeLogger(config, true);
  const app = await openApp(config, { log });
  await ensureDemoStore(app);
  // A platform whose sends need a live session (WeChat's QR login) is left to `npm start`:
  // its messages stay queued instead of failing here. Slack and Telegram send by token.
  const platforms = (await buildChatAdapters(config, log, { docs: app.services.docs })).filter((p) => !p.needsLiveSession);
  const senders = [new ConsoleAdapter({ user: 'tick', prompt: false }), ...platforms];
  const dispatcher = buildDispatcher(config, app.services.outboxStore, senders, log);
  const recovered = await dispatcher.recover();
  const report = await runTick(app.services, buildNoticeSources(), dispatcher);
  await app.services.outboxStore.close();
  const c = app.services.outboxStore.counts();
  if (flags.json) {
    console.log(JSON.stringify({ at: report.at.toISOString(), collected: report.collected, queued: report.queued, sent: report.dispatch.sent.map((e) => ({ id: e.id, key: e.key, conversation: e.conversation, messageId: e.messageId })), failed: report.dispatch.failed.length, unconfirmed: recovered.unconfirmed.length + report.dispatch.unconfirmed.length, errors: report.errors, outbox: c }, null, 2));
  } else {
    for (const e of report.dispatch.sent) console.log(`sent #${e.id} ${e.kind} → ${e.conversation}: ${(e.payload as Reply).summary ?? e.key}`);
    for (const e of [...recovered.unconfirmed, ...report.dispatch.unconfirmed, ...report.dispatch.failed]) console.log(`${e.state} #${e.id} ${e.kind} → ${e.conversation}: ${e.reason}`);
    for (const e of report.errors) console.log(`source ${e.source} failed: ${e.message}`);
    console.log(`tick at ${app.services.calendar.formatTime(report.at.getTime())} ${app.services.store.timeZone}: ${report.queued} queued, ${report.dispatch.sent.length} sent · outbox: ${c.pending} pending, ${c.sent} sent, ${c.failed} failed, ${c.unconfirmed} unconfirmed`);
  }
  return report.errors.length > 0 ? 1 : 0;
}

addCliCommand('tick', tickCommand);
