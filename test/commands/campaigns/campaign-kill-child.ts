import { openApp } from '../../../src/app/compose.ts';
import { Dispatcher } from '../../../src/outbound/dispatcher.ts';
import { runTick } from '../../../src/outbound/scheduler/run-tick.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { HttpSender } from '../../adapters/outbound/http-sender.ts';

// The process the campaign kill test SIGKILLs. MODE=seed writes a store of MEMBERS linked
// members and a confirmed daily campaign to all of them; MODE=run is the engine at the
// campaign's slot: recover what a kill interrupted, then one tick (build the run, queue, send)
// to a loopback stand-in of Telegram.

const members = Number(process.env.MEMBERS ?? 1500);
// Store time starts at the campaign's 10:00 slot and runs at wall-clock speed (retries and pacing wait on it).
const now = Date.parse('2026-11-27T10:00:00+08:00');
const t0 = Date.now();
const clock = { now: () => new Date(now + (Date.now() - t0)) };
const app = await openApp(loadConfig({ DATA_DIR: process.env.DATA_DIR!, DEMO_STORE: 'off', LOG_LEVEL: 'silent', BOT_ADMINS: 'console:admin' }), { clock, log: silentLogger });
const s = app.services;

if (process.env.MODE === 'seed') {
  const orders: Order[] = [];
  for (let i = 1; i <= members; i++) {
    const paidAt = Date.parse('2026-11-20T12:00:00+08:00');
    orders.push({ platform: 'test', orderId: `o${i}`, channel: 'tmall', customer: `K${i}`, createdAt: paidAt, paidAt, status: 'paid', amount: 10_000, refunded: 0, lines: [{ sku: 'S', qty: 1, amount: 10_000 }] });
  }
  await applyOrders(s.data, s.orders, orders);
  // Links written in one go (MemberLinks.link writes the document once per member).
  const links = await s.docs.open<{ links: Record<string, unknown> }>('members/links', { links: {} });
  for (let i = 1; i <= members; i++) links.data.links[`telegram:${i}`] = { user: `telegram:${i}`, customer: `K${i}`, linkedAt: '2026-11-01T02:00:00.000Z', via: 'order', optedOut: false };
  await links.write();
  await s.access.grant('console:alice', 'community');
  const base = { platform: 'console' as const, conversation: 'console:ops-room', user: 'console:alice', direct: false };
  clock.now = () => new Date(now - 3_600_000);
  await app.bot.handle({ ...base, messageId: 'a', text: 'coupon schedule "back spend 100 get 1 off" to all-linked daily at 10:00' });
  const r = await app.bot.handle({ ...base, messageId: 'b', text: 'confirm' });
  process.stdout.write(`seeded ${JSON.stringify(r.data)}\n`);
} else {
  process.stdout.write('started\n');
  const sender = new HttpSender('telegram', process.env.STAND_IN_URL!, { canConfirm: true });
  const dispatcher = new Dispatcher({ store: s.outboxStore, adapters: { telegram: sender }, clock, pacing: { telegram: [{ scope: 'platform', count: 100_000, perMs: 1000 }] }, maxInFlight: 8, lateAfterMs: Infinity });
  await dispatcher.recover();
  const report = await runTick(s, app.noticeSources, dispatcher);
  process.stdout.write(`done ${JSON.stringify({ errors: report.errors, counts: s.outboxStore.counts() })}\n`);
  await s.outboxStore.close();
}
