import { PassThrough } from 'node:stream';
import { openApp } from '../../../src/app.ts';
import { ConsoleAdapter } from '../../../src/adapters/chat/console/console-adapter.ts';
import { Dispatcher } from '../../../src/adapters/outbound/dispatcher.ts';
import { DEFAULT_PACING } from '../../../src/domain/outbound/pacing.ts';
import { runTick } from '../../../src/adapters/scheduler/run-tick.ts';
import type { Incoming } from '../../../src/commands/incoming.ts';
import { buildNoticeSources } from '../../../src/commands/notice-sources.ts';
import type { Reply } from '../../../src/commands/reply.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';
import { MemberLinks } from '../../../src/domain/members/member-links.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';

// A store whose customers c01…c40 each paid one ¥100 order on Nov 20 (7 days before the
// start, Nov 27 09:00 Shanghai); c01…c30 linked their chat account (console:m01…), c29 and
// c30 then opted out. alice runs the community, bob is an ops manager. The test moves the
// clock and runs the engine's tick, which dispatches to a terminal chat.

/** Member DMs on the terminal go out at most 5 a minute, so a run visibly spreads out. */
export const PACING = { ...DEFAULT_PACING, console: [{ scope: 'platform' as const, count: 5, perMs: 60_000 }] };

export const START = '2026-11-27T09:00:00+08:00';
export const CUSTOMERS = 40;
export const LINKED = 30;
export const name = (i: number) => `c${String(i).padStart(2, '0')}`;

export function order(customer: string, id: string, paidIso: string, amount: number, couponCode?: string): Order {
  const paidAt = Date.parse(paidIso);
  return { platform: 'test', orderId: id, channel: 'tmall', customer, createdAt: paidAt, paidAt, status: 'paid', amount, refunded: 0, lines: [{ sku: 'SK-1', qty: 1, amount }], ...(couponCode ? { couponCode } : {}) };
}

export async function campaignApp(startIso = START) {
  let now = Date.parse(startIso);
  const clock = { now: () => new Date(now) };
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', LOG_LEVEL: 'silent' }), { memory: true, clock, log: silentLogger });
  const { data, orders, access, docs } = app.services;
  await access.grant('console:alice', 'community');
  await access.grant('console:bob', 'ops_manager');
  const paid: Order[] = [];
  for (let i = 1; i <= CUSTOMERS; i++) paid.push(order(name(i), `o-${i}`, '2026-11-20T12:00:00+08:00', 10_000));
  await applyOrders(data, orders, paid);
  const links = await MemberLinks.open(docs);
  for (let i = 1; i <= LINKED; i++) await links.link(`console:m${String(i).padStart(2, '0')}`, name(i), 'order', new Date('2026-11-13T10:00:00+08:00'));
  for (const i of [29, 30]) await links.optOut(`console:m${i}`, new Date('2026-11-21T10:00:00+08:00'));

  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += c));
  const terminal = new ConsoleAdapter({ user: 'alice', output, prompt: false });
  const dispatcher = new Dispatcher({ store: app.services.outboxStore, adapters: { console: terminal }, pacing: PACING, clock, sleep: async (ms) => void (now += ms) });
  let msg = 100;
  const base = (user: string): Incoming => ({ platform: 'console', conversation: 'console:ops-room', user: `console:${user}`, userName: user, direct: false, messageId: `m-${++msg}` });
  return {
    app,
    say: (user: string, text: string): Promise<Reply> => app.bot.handle({ ...base(user), text }),
    press: (user: string, id: string, value: string): Promise<Reply> => app.bot.handle({ ...base(user), action: { id, value } }),
    /** Moves the clock and runs the engine's tick; returns what the terminal printed. */
    tick: async (iso?: string) => {
      if (iso) now = Date.parse(iso);
      out = '';
      const report = await runTick(app.services, buildNoticeSources(), dispatcher);
      return { out, report };
    },
    setNow: (iso: string) => void (now = Date.parse(iso)),
    now: () => now,
  };
}

export const texts = (r: Reply) =>
  r.blocks.map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : b.type === 'figures' ? b.items.map((i) => `${i.label}: ${i.value}`).join('\n') : b.type === 'choices' ? (b.prompt ?? '') : '')).join('\n');
