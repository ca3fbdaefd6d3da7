import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../../src/app/compose.ts';
import { signIngest, signShopify } from '../../../../src/adapters/ingest/live/signatures.ts';
import { startLiveIngest, type LiveIngest } from '../../../../src/adapters/ingest/live/start-ingest.ts';
import { HealthBoard } from '../../../../src/adapters/http/health-board.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { figure, days } from '../ingest-helpers.ts';
import { orderLife } from '../shopify/recorded.ts';

const SECRET = 'new-shopify-secret';
const OLD = 'old-shopify-secret';
const INGEST = 'ingest-secret-0123456789';

let app: App;
let live: LiveIngest;

function post(path: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: live.port, method: 'POST', path, headers: { 'content-length': String(buf.length), ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(buf);
  });
}

const hook = (step: { id: string; topic: string; body: string }, secret = SECRET, body = step.body) =>
  post('/shopify/webhooks', body, { 'x-shopify-hmac-sha256': signShopify(step.body, secret), 'x-shopify-webhook-id': step.id, 'x-shopify-topic': step.topic, 'content-type': 'application/json' });

const signed = (path: string, body: string, at = Math.floor(Date.now() / 1000), secret = INGEST) => {
  const s = signIngest(body, secret, at);
  return post(path, body, { 'x-ingest-timestamp': s.timestamp, 'x-ingest-signature': s.signature });
};

const life = orderLife({ n: 3001, email: 'z@example.com', total: '150.00', created: '2026-11-25T10:00:00+08:00', paid: '2026-11-25T10:00:00+08:00', refund1: '50.00', refundAt: '2026-11-25T12:00:00+08:00', cancelledAt: '2026-11-25T13:00:00+08:00' });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'live-'));
  app = await openApp(loadConfig({ ...process.env, DATA_DIR: dir, DEMO_STORE: 'off', STORE_CURRENCY: 'USD', LOG_LEVEL: 'silent', BOT_NOW: '2026-11-27T10:00:00+08:00', SHOPIFY_WEBHOOK_SECRET: SECRET, SHOPIFY_WEBHOOK_SECRET_OLD: OLD, INGEST_SECRET: INGEST, INGEST_MAX_BODY_MB: '1' }), { memory: true, log: silentLogger });
  live = (await startLiveIngest(app, { port: 0, host: '127.0.0.1', health: new HealthBoard() }))!;
});
afterAll(() => live.stop());

describe('POST /shopify/webhooks', () => {
  it('accepts a delivery signed with the current secret, once', async () => {
    expect((await hook(life[1])).status).toBe(200);
    const again = await hook(life[1]);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.text)).toMatchObject({ duplicate: life[1].id });
    await live.inbox!.applyPending();
    expect(figure(app, 'gmv', days('2026-11-25'))).toBe(15000);
  });

  it('accepts one re-signed with the old secret during a rotation', async () => {
    expect((await hook(life[2], OLD)).status).toBe(200);
    await live.inbox!.applyPending();
    expect(figure(app, 'net_gmv', days('2026-11-25'))).toBe(10000);
  });

  it('refuses a forged signature, a tampered body and a missing signature with 401, changing nothing', async () => {
    expect((await hook(life[4], 'some-other-secret')).status).toBe(401);
    expect((await hook(life[4], SECRET, life[4].body.replace('"100.00"', '"1.00"'))).status).toBe(401);
    expect((await post('/shopify/webhooks', life[4].body, { 'x-shopify-webhook-id': 'x', 'x-shopify-topic': 'refunds/create' })).status).toBe(401);
    await live.inbox!.applyPending();
    expect(live.inbox!.has(life[4].id)).toBe(false);
    expect(figure(app, 'net_gmv', days('2026-11-25'))).toBe(10000);
  });

  it('refuses an oversized body with 413 and keeps serving', async () => {
    const big = `{"pad":"${'x'.repeat(6 * 1024 * 1024)}"}`;
    const r = await post('/shopify/webhooks', big, { 'x-shopify-hmac-sha256': signShopify(big, SECRET), 'x-shopify-webhook-id': 'big', 'x-shopify-topic': 'orders/create' }).catch(() => ({ status: 413, text: '' }));
    expect(r.status).toBe(413);
    expect((await hook(life[5])).status).toBe(200);
  });
});

describe('POST /ingest/orders', () => {
  const rows = [
    { platform: 'erp', order_id: 'J-1', channel: 'tmall', customer: 'c1', created_at: '2026-11-26T09:00:00+08:00', paid_at: '2026-11-26T09:01:00+08:00', status: 'paid', amount: '99.00', items: [{ sku: 'SK-1', qty: 1, amount: '99.00' }] },
    { platform: 'erp', order_id: 'J-2', channel: 'tmall', customer: 'c2', created_at: '2026-11-26T10:00:00+08:00', status: 'paid', amount: '50.00' },
  ];

  it('imports signed JSON and answers with the import summary, bad rows with reasons', async () => {
    const r = await signed('/ingest/orders', JSON.stringify(rows));
    expect(r.status).toBe(200);
    const s = JSON.parse(r.text);
    expect(s).toMatchObject({ ok: true, added: 1, replaced: 0, bad: 1 });
    expect(s.problems[0].reason).toMatch(/paid_at/);
    expect(figure(app, 'gmv', days('2026-11-26'))).toBe(9900);
  });

  it('is idempotent per order: the same JSONL again replaces, never adds', async () => {
    const r = await signed('/ingest/orders', rows.slice(0, 1).map((x) => JSON.stringify(x)).join('\n'));
    expect(JSON.parse(r.text)).toMatchObject({ added: 0, replaced: 1, bad: 0 });
    expect(figure(app, 'gmv', days('2026-11-26'))).toBe(9900);
  });

  it('refuses a stale timestamp and a wrong signature, saying how to sign', async () => {
    const stale = await signed('/ingest/orders', JSON.stringify(rows), Math.floor(Date.now() / 1000) - 600);
    expect(stale.status).toBe(401);
    expect(JSON.parse(stale.text).error).toMatch(/5 minutes/);
    const wrong = await signed('/ingest/orders', JSON.stringify(rows), undefined, 'not-the-ingest-secret');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text).error).toMatch(/timestamp\.body/);
  });

  it('takes visitors and stock, and refuses an unreadable body with the reason', async () => {
    const t = await signed('/ingest/traffic', JSON.stringify([{ date: '2026-11-26', channel: 'tmall', visitors: 1000 }]));
    expect(JSON.parse(t.text)).toMatchObject({ ok: true, added: 1 });
    expect(figure(app, 'uv', days('2026-11-26'))).toBe(1000);
    const s = await signed('/ingest/stock', 'sku,on_hand,safety,warning\nSK-1,3,5,10\nSK-2,x,,\n');
    expect(JSON.parse(s.text)).toMatchObject({ ok: true, added: 1, bad: 1 });
    const bad = await signed('/ingest/spend', '[{"date": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatch(/JSON/);
  });

  it('applies Shopify inventory_levels/update to the SKU named by the stock file, raising one alert when it runs out', async () => {
    await signed('/ingest/stock', 'sku,on_hand,safety,warning,inventory_item_id\nSK-INV,50,5,10,39072856\n');
    const body = '{"inventory_item_id": 39072856, "location_id": 487838322, "available": 0, "updated_at": "2026-11-27T09:00:00+08:00"}';
    expect((await hook({ id: 'inv-1', topic: 'inventory_levels/update', body })).status).toBe(200);
    await live.inbox!.applyPending();
    const stock = await app.services.docs.open<{ items: Record<string, { warehouses: Record<string, number> }>; alerts: { sku: string; level: string }[] }>('stock', { items: {}, alerts: [] });
    expect(stock.data.items['SK-INV'].warehouses).toEqual({ '': 50, 'shopify:487838322': 0 });
    expect(stock.data.alerts.filter((a) => a.sku === 'SK-INV')).toEqual([]); // 50 more elsewhere: still fine
    const none = '{"inventory_item_id": 39072856, "location_id": null, "available": 0}';
    expect((await hook({ id: 'inv-2', topic: 'inventory_levels/update', body: none })).status).toBe(200);
    await live.inbox!.applyPending();
    expect(stock.data.alerts.filter((a) => a.sku === 'SK-INV').map((a) => a.level)).toEqual(['out']);
  });

  it('answers an unknown path with 404 and a GET with 405', async () => {
    expect((await post('/ingest/nothing', '{}', {})).status).toBe(404);
    const r = await new Promise<number>((resolve) => request({ host: '127.0.0.1', port: live.port, path: '/ingest/orders' }, (res) => resolve(res.statusCode ?? 0)).end());
    expect(r).toBe(405);
  });
});
