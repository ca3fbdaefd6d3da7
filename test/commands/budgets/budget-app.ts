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
import { applyOrders, applySeries, type SeriesRow } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';

// A store with November spend and GMV per channel, two ops managers (bob, carol), a clock
// the test moves, and the engine's tick dispatching to a terminal chat.
// Per day, Nov 1–19 (in yuan): spend douyin 1,000 / xiaohongshu 1,000 / tmall 500 / jd 500;
// GMV douyin 3,000 (ROI 3) / xiaohongshu 1,200 (ROI 1.2) / tmall 2,500 (ROI 5) / jd 2,000 (ROI 4).

export const NOW = '2026-11-20T10:00:00+08:00';
const DAILY: Record<string, [spend: number, gmv: number]> = { douyin: [1_000, 3_000], xiaohongshu: [1_000, 1_200], tmall: [500, 2_500], jd: [500, 2_000] };

export async function budgetApp(startIso = NOW) {
  let now = Date.parse(startIso);
  const clock = { now: () => new Date(now) };
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', LOG_LEVEL: 'silent' }), { memory: true, clock, log: silentLogger });
  const { data, orders, calendar, access } = app.services;
  await access.grant('console:bob', 'ops_manager');
  await access.grant('console:carol', 'ops_manager');
  const spend: SeriesRow[] = [];
  const paid: Order[] = [];
  for (let d = 1; d <= 19; d++) {
    const paidAt = Date.parse(`2026-11-${String(d).padStart(2, '0')}T12:00:00+08:00`);
    for (const [channel, [s, g]] of Object.entries(DAILY)) {
      spend.push({ day: calendar.dayOf(paidAt), channel, value: s * 100 });
      paid.push({ platform: 'test', orderId: `${channel}-${d}`, channel, customer: `c-${channel}-${d}`, createdAt: paidAt, paidAt, status: 'paid', amount: g * 100, refunded: 0, lines: [{ sku: 'SK-1', qty: 1, amount: g * 100 }] });
    }
  }
  await applyOrders(data, orders, paid);
  await applySeries(data, orders, 'spend', spend);

  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += c));
  const terminal = new ConsoleAdapter({ user: 'alice', output, prompt: false });
  const dispatcher = new Dispatcher({ store: app.services.outboxStore, adapters: { console: terminal }, clock, sleep: async () => {} });
  let msg = 100;
  const base = (user: string): Incoming => ({ platform: 'console', conversation: 'console:ops-room', user: `console:${user}`, userName: user, direct: false, messageId: `m-${++msg}` });
  return {
    app,
    terminal,
    say: (user: string, text: string): Promise<Reply> => app.bot.handle({ ...base(user), text }),
    /** A button press; without `lang` it carries no language hint (like the terminal's numbered choices). */
    press: (user: string, id: string, value: string, lang?: 'zh' | 'en'): Promise<Reply> => app.bot.handle({ ...base(user), action: { id, value }, ...(lang ? { lang } : {}) }),
    /** Moves the clock and runs the engine's tick; returns what the terminal printed. */
    tick: async (iso: string) => {
      now = Date.parse(iso);
      out = '';
      await runTick(app.services, buildNoticeSources(), dispatcher);
      return out;
    },
    setNow: (iso: string) => void (now = Date.parse(iso)),
  };
}

export const texts = (r: Reply) => r.blocks.map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : '')).join('\n');
