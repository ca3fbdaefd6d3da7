import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../../src/app/compose.ts';
import { backfillShopify } from '../../../../src/adapters/ingest/shopify/backfill.ts';
import { ShopifyWebhookInbox } from '../../../../src/adapters/ingest/shopify/webhook-inbox.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { runChild } from '../../../support/kill-child.ts';
import { computed, expected, type Paid } from '../ingest-helpers.ts';
import { adminStandIn, standInOrders, type StandIn, type StandInOrder } from './admin-stand-in.ts';

const here = dirname(fileURLToPath(import.meta.url));
const TOKEN = 'shpat_test_token';
let standIn: StandIn | undefined;
afterEach(() => standIn?.close());

/** The figures the orders should give, from the stand-in's own list. */
const truth = (orders: StandInOrder[]): Paid[] =>
  orders.filter((o) => o.status !== 'VOIDED').map((o) => ({ customer: o.email, date: new Date(Date.parse(o.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10), amount: Math.round(Number(o.total) * 100), refunded: Math.round(Number(o.refunded ?? 0) * 100) }));

const envFor = (dir: string, url: string) => ({ DATA_DIR: dir, DEMO_STORE: 'off', STORE_CURRENCY: 'USD', LOG_LEVEL: 'silent', BOT_NOW: '2026-12-01T10:00:00+08:00', SHOPIFY_SHOP: 'test-shop.myshopify.com', SHOPIFY_ADMIN_TOKEN: TOKEN, SHOPIFY_API_URL: url });

describe('Shopify backfill', () => {
  it('pages through a stand-in that throttles and answers 429, honouring both, and gets every order right', async () => {
    const orders = standInOrders(23);
    standIn = await adminStandIn(orders, { token: TOKEN, throttleEvery: 3, tooManyAt: 2 });
    const dir = mkdtempSync(join(tmpdir(), 'backfill-'));
    const config = loadConfig({ ...process.env, ...envFor(dir, standIn.url) });
    const app = await openApp(config, { memory: true, log: silentLogger });
    const inbox = await new ShopifyWebhookInbox(app.services, dir, { fsync: false }).open();
    const waits: number[] = [];
    const r = await backfillShopify(app.services, inbox, { shop: config.SHOPIFY_SHOP!, token: TOKEN, apiVersion: config.SHOPIFY_API_VERSION, apiUrl: standIn.url, since: '2026-11-01', pageSize: 5, sleep: async (ms) => void waits.push(ms) });
    expect(r).toMatchObject({ orders: 23, pages: 5, resumed: false });
    expect(standIn.tooMany).toBe(1);
    expect(standIn.throttled).toBeGreaterThan(0);
    expect(waits).toContain(1000); // Retry-After: 1
    expect(waits.filter((w) => w === 30)).toHaveLength(standIn.throttled); // (40 requested − 10 available) / 1000 per s
    expect(app.services.data.book.size).toBe(23);
    expect(computed(app, '2026-11-01', '2026-11-30')).toEqual(expected(truth(orders), '2026-11-01', '2026-11-30'));
  });

  it('killed half-way and run again, resumes from its saved cursor and never counts an order twice', async () => {
    const orders = standInOrders(40);
    standIn = await adminStandIn(orders, { token: TOKEN, delayMs: 30 });
    const dir = mkdtempSync(join(tmpdir(), 'backfill-kill-'));
    const env = envFor(dir, standIn.url);
    const out = await runChild(join(here, 'backfill-child.ts'), env, 0);
    expect(out).toBe('started\n'); // killed before the end
    const firstRun = standIn.cursors.length;
    const second = await runChild(join(here, 'backfill-child.ts'), env);
    expect(second).toContain('finished');
    // The second run's first request continued from a cursor, not from the start.
    expect(standIn.cursors[firstRun]).not.toBeNull();
    const app = await openApp(loadConfig({ ...process.env, ...env }), { log: silentLogger });
    expect(app.services.data.book.size).toBe(40);
    expect(computed(app, '2026-11-01', '2026-11-30')).toEqual(expected(truth(orders), '2026-11-01', '2026-11-30'));
  }, 60_000);
});
