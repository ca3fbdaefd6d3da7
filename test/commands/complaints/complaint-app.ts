import { PassThrough } from 'node:stream';
import { openApp } from '../../../src/app.ts';
import { ConsoleAdapter } from '../../../src/adapters/chat/console/console-adapter.ts';
import { Dispatcher } from '../../../src/adapters/outbound/dispatcher.ts';
import { runTick } from '../../../src/adapters/scheduler/run-tick.ts';
import type { Incoming } from '../../../src/commands/incoming.ts';
import { buildNoticeSources } from '../../../src/commands/notice-sources.ts';
import type { Reply } from '../../../src/commands/reply.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';

// The bot with a cs agent (alice), a cs lead (lee), an ops manager (mo), brand/PR (pat) and a
// plain staff member (sam); a clock the test moves; the engine's tick printing to a terminal chat.

export async function complaintApp(startIso: string, lang: 'zh' | 'en' = 'zh') {
  let now = Date.parse(startIso);
  const clock = { now: () => new Date(now) };
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', BOT_LANG: lang, LOG_LEVEL: 'silent' }), { memory: true, clock, log: silentLogger });
  const { access } = app.services;
  await access.grant('console:alice', 'cs_agent');
  await access.grant('console:lee', 'cs_lead');
  await access.grant('console:mo', 'ops_manager');
  await access.grant('console:pat', 'brand_pr');
  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += c));
  const terminal = new ConsoleAdapter({ user: 'alice', output, prompt: false });
  const dispatcher = new Dispatcher({ store: app.services.outboxStore, adapters: { console: terminal }, clock, sleep: async () => {} });
  let msg = 100;
  const base = (user: string, direct: boolean): Incoming => ({ platform: 'console', conversation: direct ? `console:dm:${user}` : 'console:ops-room', user: `console:${user}`, userName: user, direct, messageId: `m-${++msg}` });
  return {
    app,
    say: (user: string, text: string): Promise<Reply> => app.bot.handle({ ...base(user, false), text }),
    dm: (user: string, text: string): Promise<Reply> => app.bot.handle({ ...base(user, true), text }),
    /** Moves the clock and runs the engine's tick; returns what the terminal printed. */
    tick: async (iso: string) => {
      now = Date.parse(iso);
      out = '';
      await runTick(app.services, buildNoticeSources(), dispatcher);
      return out;
    },
    at: (iso: string) => (now = Date.parse(iso)),
  };
}

/** Everything a reply says, as plain text (tables included). */
export const said = (r: Reply) =>
  r.blocks
    .map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : b.type === 'figures' ? b.items.map((i) => `${i.label} ${i.value}`).join(' · ') : ''))
    .join('\n');
