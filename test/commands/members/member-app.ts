import { PassThrough } from 'node:stream';
import { ConsoleAdapter } from '../../../src/adapters/chat/console/console-adapter.ts';
import { Dispatcher } from '../../../src/adapters/outbound/dispatcher.ts';
import { runTick } from '../../../src/adapters/scheduler/run-tick.ts';
import { openApp } from '../../../src/app.ts';
import { buildNoticeSources } from '../../../src/commands/notice-sources.ts';
import type { Incoming } from '../../../src/commands/incoming.ts';
import type { Reply } from '../../../src/commands/reply.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';

// The bot in memory with a community manager (cm), an ops manager (mo) and plain staff (sam);
// a clock the test moves; a few customers' orders imported.

let seq = 0;
export function paid(customer: string, date: string, amount: number, extra: Partial<Order> = {}): Order {
  const at = Date.parse(`${date}T12:00:00+08:00`);
  return { platform: 'shop', orderId: `M${++seq}`, channel: 'web', customer, createdAt: at, paidAt: at, status: 'paid', amount, refunded: 0, lines: [], ...extra };
}

export async function memberApp(startIso: string, orders: Order[], lang: 'zh' | 'en' = 'zh') {
  let now = Date.parse(startIso);
  const clock = { now: () => new Date(now) };
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', BOT_LANG: lang, LOG_LEVEL: 'silent' }), { memory: true, clock, log: silentLogger });
  await app.services.access.grant('console:cm', 'community');
  await app.services.access.grant('console:mo', 'ops_manager');
  await applyOrders(app.services.data, app.services.orders, orders);
  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += c));
  const terminal = new ConsoleAdapter({ user: 'cm', output, prompt: false });
  const dispatcher = new Dispatcher({ store: app.services.outboxStore, adapters: { console: terminal }, clock, sleep: async () => {} });
  let msg = 0;
  const base = (user: string, direct: boolean): Incoming => ({ platform: 'console', conversation: direct ? `console:dm:${user}` : 'console:ops-room', user: `console:${user}`, userName: user, direct, messageId: `m-${++msg}` });
  return {
    app,
    say: (user: string, text: string): Promise<Reply> => app.bot.handle({ ...base(user, false), text }),
    dm: (user: string, text: string): Promise<Reply> => app.bot.handle({ ...base(user, true), text }),
    press: (user: string, action: { id: string; value: string }): Promise<Reply> => app.bot.handle({ ...base(user, false), action }),
    at: (iso: string) => (now = Date.parse(iso)),
    /** Runs the engine's tick (sources, outbox, dispatch to the terminal); returns what it printed. */
    tick: async () => {
      out = '';
      await runTick(app.services, buildNoticeSources(), dispatcher);
      return out;
    },
  };
}

/** Everything a reply says, as plain text (tables and figures included). */
export const said = (r: Reply) =>
  r.blocks
    .map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : b.type === 'figures' ? b.items.map((i) => `${i.label} ${i.value}`).join('\n') : b.type === 'choices' ? `${b.prompt ?? ''} ${b.choices.map((c) => c.label).join(' ')}` : ''))
    .join('\n');
