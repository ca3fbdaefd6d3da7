import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../../src/app/compose.ts';
import { ShopifyWebhookInbox, type Delivery } from '../../../../src/adapters/ingest/shopify/webhook-inbox.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { computed, expected, shanghaiDate, type Paid } from '../ingest-helpers.ts';
import { orderLife, type Step } from './recorded.ts';

// Live batches go into memory at once, but their months are saved only at the next checkpoint
// (with the ids noted as applied); until then the journal is the durable record. A process that
// dies before that checkpoint, or between saving the months and noting the ids, must come back
// to the same figures: the journal replayed over what is on disk, nothing lost, nothing twice.

const lives = [
  { n: 3001, email: 'a@example.com', total: '120.00', created: '2026-11-20T10:00:00+08:00', paid: '2026-11-21T09:00:00+08:00', refund1: '20.00', refundAt: '2026-11-22T09:00:00+08:00', cancelledAt: '2026-11-23T09:00:00+08:00' },
  { n: 3002, email: 'b@example.com', total: '88.50', created: '2026-11-21T23:30:00+08:00', paid: '2026-11-21T23:59:00+08:00', refund1: '8.50', refundAt: '2026-11-24T09:00:00+08:00', cancelledAt: '2026-11-25T09:00:00+08:00' },
  { n: 3003, email: 'a@example.com', total: '300.00', created: '2026-11-21T08:00:00+08:00', paid: '2026-11-22T00:10:00+08:00', refund1: '50.00', refundAt: '2026-11-24T09:00:00+08:00', cancelledAt: '2026-11-25T09:00:00+08:00' },
];
const steps = lives.map((l) => orderLife(l));
/** Saved by a checkpoint: every order created and paid. */
const first = steps.flatMap((s) => s.slice(0, 2));
/** Applied in memory only: 3001 partially refunded then cancelled, 3002 partially refunded, and a new order 3004 created and paid. */
const late = [...steps[0].slice(2, 6), ...steps[1].slice(2, 4)];
const newcomer = orderLife({ n: 3004, email: 'c@example.com', total: '45.00', created: '2026-11-22T12:00:00+08:00', paid: '2026-11-22T12:05:00+08:00', refund1: '5.00', refundAt: '2026-11-23T09:00:00+08:00', cancelledAt: '2026-11-23T10:00:00+08:00' }).slice(0, 2);

/** The final truth, from the plan alone. */
const truth: Paid[] = [
  { customer: 'a@example.com', date: shanghaiDate(Date.parse(lives[0].paid)), amount: 12000, refunded: 12000 },
  { customer: 'b@example.com', date: shanghaiDate(Date.parse(lives[1].paid)), amount: 8850, refunded: 850 },
  { customer: 'a@example.com', date: shanghaiDate(Date.parse(lives[2].paid)), amount: 30000, refunded: 0 },
  { customer: 'c@example.com', date: '2026-11-22', amount: 4500, refunded: 0 },
];

const toDelivery = (s: Step): Delivery => ({ id: s.id, topic: s.topic, body: s.body });

const diskApp = (dir: string) =>
  openApp(loadConfig({ ...process.env, DATA_DIR: dir, DEMO_STORE: 'off', BOT_NOW: '2026-11-27T10:00:00+08:00', STORE_TIMEZONE: 'Asia/Shanghai', STORE_CURRENCY: 'USD', LOG_LEVEL: 'silent' }), { log: silentLogger });

/** An inbox whose checkpoint comes only when asked, so the test decides when it happens. */
const inboxOf = (app: App, dir: string) => new ShopifyWebhookInbox(app.services, dir, { fsync: false, checkpointEveryMs: 3_600_000 }).open();

const figures = (app: App) => computed(app, '2026-11-20', '2026-11-30');
const want = expected(truth, '2026-11-20', '2026-11-30');

/** Stops a process's writes for good, as a SIGKILL would (nothing more reaches the disk). */
async function freeze(app: App): Promise<void> {
  app.services.orders.saveMonths = () => new Promise(() => {});
  const doc = await app.services.docs.open<unknown>('shopify-webhooks', {});
  doc.write = () => new Promise(() => {});
}

/** A first process: the first deliveries checkpointed, the late ones only applied in memory. */
async function beforeCrash(dir: string): Promise<App> {
  const app = await diskApp(dir);
  const inbox = await inboxOf(app, dir);
  for (const s of first) await inbox.receive(toDelivery(s));
  await inbox.applyPending({ checkpoint: true });
  expect(app.services.orders.unsaved).toBe(false);
  for (const s of [...late, ...newcomer]) await inbox.receive(toDelivery(s));
  await inbox.applyPending();
  expect(app.services.orders.unsaved).toBe(true);
  expect(figures(app)).toEqual(want); // queries see the batch at once
  return app;
}

/** The restart: the order book from disk, then the inbox replaying its journal. */
async function restart(dir: string) {
  const app = await diskApp(dir);
  const loaded = { size: app.services.data.book.size, figures: figures(app) };
  const inbox = await inboxOf(app, dir);
  return { app, inbox, loaded };
}

describe('a crash while live batches are not yet checkpointed', () => {
  it('before the months are saved: the restart replays the journal to the same figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hook-replay-'));
    await freeze(await beforeCrash(dir));
    const { app, inbox, loaded } = await restart(dir);
    expect(loaded.size).toBe(3); // 3004 was only in memory
    expect(loaded.figures).not.toEqual(want);
    expect(figures(app)).toEqual(want);
    expect(app.services.data.book.size).toBe(4);
    await inbox.close();
    expect(readdirSync(join(dir, 'shopify-inbox')).filter((f) => f.endsWith('.jsonl'))).toEqual([]);
    // A third start finds everything saved and nothing left to replay.
    const again = await restart(dir);
    expect(again.loaded).toEqual({ size: 4, figures: want });
    expect(figures(again.app)).toEqual(want);
    await again.inbox.close();
  });

  it('after the months are saved but before the ids are noted: replaying over them counts nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hook-replay-'));
    const crashed = await beforeCrash(dir);
    await crashed.services.orders.saveMonths(new Set(), new Set()); // the months reach the disk, the ids do not
    await freeze(crashed);
    const { app, inbox, loaded } = await restart(dir);
    expect(loaded).toEqual({ size: 4, figures: want });
    expect(figures(app)).toEqual(want);
    expect(app.services.data.book.size).toBe(4);
    for (const s of late) expect(inbox.has(s.id)).toBe(true);
    expect(await inbox.receive(toDelivery(late[0]))).toBe('duplicate');
    await inbox.close();
  });

  it('a backfill page saves the live months before it notes the ids, so its note never covers unsaved orders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hook-replay-'));
    const app = await diskApp(dir);
    const inbox = await inboxOf(app, dir);
    for (const s of first) await inbox.receive(toDelivery(s));
    await inbox.applyPending({ checkpoint: true });
    for (const s of [...late, ...newcomer]) await inbox.receive(toDelivery(s));
    await inbox.applyPending();
    expect(app.services.orders.unsaved).toBe(true);
    await inbox.applyBackfill([{ id: 'page-1', body: steps[2][1].body }]);
    expect(app.services.orders.unsaved).toBe(false);
    await freeze(app);
    const back = await restart(dir);
    expect(back.loaded).toEqual({ size: 4, figures: want });
    expect(figures(back.app)).toEqual(want);
    await back.inbox.close();
  });
});

describe('checkpoints written as deltas', () => {
  it('ids and order states noted over many checkpoints, folded or not, are all there after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hook-deltas-'));
    const app = await diskApp(dir);
    const inbox = await inboxOf(app, dir);
    // One delivery per checkpoint: more checkpoints than it takes to fold the deltas into the document.
    const all = [...first, ...late, ...newcomer];
    const more = Array.from({ length: 30 }, (_, i) => ({ ...first[i % first.length], id: `again-${i}` }));
    for (const s of [...all, ...more]) {
      await inbox.receive(toDelivery(s));
      await inbox.applyPending({ checkpoint: true });
    }
    const deltas = () => readdirSync(join(dir, 'shopify-webhooks-deltas')).filter((f) => f.endsWith('.json'));
    expect(deltas().length).toBeLessThan(all.length + more.length); // some were folded
    expect(deltas().length).toBeGreaterThan(0); // and some were not yet
    const states = JSON.stringify((await app.services.docs.open<{ orders: unknown }>('shopify-webhooks', { orders: {} })).data.orders);
    await freeze(app);
    const back = await restart(dir);
    expect(back.loaded).toEqual({ size: 4, figures: want });
    for (const s of [...all, ...more]) expect(back.inbox.has(s.id)).toBe(true);
    expect(JSON.stringify((await back.app.services.docs.open<{ orders: unknown }>('shopify-webhooks', { orders: {} })).data.orders)).toBe(states);
    // A late refund still finds its order's state (its name) through the folded document.
    expect(await back.inbox.receive(toDelivery(steps[2][2]))).toBe('accepted');
    await back.inbox.applyPending();
    expect(figures(back.app)).toEqual(expected(truth.map((t, i) => (i === 2 ? { ...t, refunded: 5000 } : t)), '2026-11-20', '2026-11-30'));
    await back.inbox.close();
  });
});
