import { PassThrough } from 'node:stream';
import { openApp } from '../../src/app/compose.ts';
import { ConsoleAdapter } from '../../src/platforms/console/console-adapter.ts';
import { Dispatcher } from '../../src/outbound/dispatcher.ts';
import { runTick } from '../../src/outbound/scheduler/run-tick.ts';
import type { Incoming } from '../../src/chat/incoming.ts';
import type { Feature } from '../../src/bot/feature.ts';
import type { Reply } from '../../src/chat/reply.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/domain/log.ts';
import type { PacingConfig } from '../../src/outbound/pacing.ts';
import type { Role } from '../../src/domain/roles.ts';

// The bot as a person meets it in tests: in memory, with a clock the test moves, people in
// an ops room (or a DM), and the engine's tick dispatching what the bot says first to a
// terminal chat whose output the test reads.

export interface WorldOptions {
  start: string;
  /** Language of messages the bot sends first (BOT_LANG). */
  lang?: 'zh' | 'en';
  grants?: [user: string, role: Role][];
  terminalUser?: string;
  pacing?: PacingConfig;
  /** Pacing waits move the test clock instead of passing instantly. */
  sleepMovesClock?: boolean;
  /** The features list (src/features/index.ts by default). */
  features?: Feature[];
}

export async function consoleWorld(o: WorldOptions) {
  let now = Date.parse(o.start);
  const clock = { now: () => new Date(now) };
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', BOT_LANG: o.lang ?? 'zh', LOG_LEVEL: 'silent' }), { memory: true, clock, log: silentLogger, ...(o.features ? { features: o.features } : {}) });
  for (const [user, role] of o.grants ?? []) await app.services.access.grant(user, role);
  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += c));
  const terminal = new ConsoleAdapter({ user: o.terminalUser ?? 'alice', output, prompt: false });
  const sleep = o.sleepMovesClock ? async (ms: number) => void (now += ms) : async () => {};
  const dispatcher = new Dispatcher({ store: app.services.outboxStore, adapters: { console: terminal }, ...(o.pacing ? { pacing: o.pacing } : {}), clock, sleep });
  let msg = 100;
  const base = (user: string, direct = false): Incoming => ({ platform: 'console', conversation: direct ? `console:dm:${user}` : 'console:ops-room', user: `console:${user}`, userName: user, direct, messageId: `m-${++msg}` });
  /** Moves the clock (if given) and runs the engine's tick; returns what the terminal printed and the tick's report. */
  const run = async (iso?: string) => {
    if (iso) now = Date.parse(iso);
    out = '';
    const report = await runTick(app.services, app.noticeSources, dispatcher);
    return { out, report };
  };
  return {
    app,
    terminal,
    say: (user: string, text: string): Promise<Reply> => app.bot.handle({ ...base(user), text }),
    dm: (user: string, text: string): Promise<Reply> => app.bot.handle({ ...base(user, true), text }),
    /** A button press; without `lang` it carries no language hint (like the terminal's numbered choices). */
    press: (user: string, id: string, value: string, lang?: 'zh' | 'en'): Promise<Reply> => app.bot.handle({ ...base(user), action: { id, value }, ...(lang ? { lang } : {}) }),
    run,
    tick: async (iso?: string) => (await run(iso)).out,
    setNow: (iso: string) => void (now = Date.parse(iso)),
    now: () => now,
  };
}
