import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../../src/app/compose.ts';
import { HealthBoard } from '../../../../src/adapters/http/health-board.ts';
import { signIngest, signShopify } from '../../../../src/adapters/ingest/live/signatures.ts';
import { startLiveIngest, type LiveIngest } from '../../../../src/adapters/ingest/live/start-ingest.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { badRequests, flood, unexpected } from '../../http/flood.ts';
import { days, figure } from '../ingest-helpers.ts';
import { orderLife } from '../shopify/recorded.ts';

// The live ingest port (Shopify webhooks and the signed ingest endpoint) under a flood of malformed,
// forged and unknown requests: each gets a plain refusal and genuine deliveries keep landing throughout.

const SECRET = 'flood-shopify-secret';
const INGEST = 'flood-ingest-secret-0123456789';
let app: App;
let live: LiveIngest;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-flood-'));
  app = await openApp(loadConfig({ ...process.env, DATA_DIR: dir, DEMO_STORE: 'off', STORE_CURRENCY: 'USD', LOG_LEVEL: 'silent', BOT_NOW: '2026-11-27T10:00:00+08:00', SHOPIFY_WEBHOOK_SECRET: SECRET, INGEST_SECRET: INGEST, INGEST_MAX_BODY_MB: '1' }), { memory: true, log: silentLogger });
  live = (await startLiveIngest(app, { port: 0, host: '127.0.0.1', health: new HealthBoard() }))!;
});
afterAll(() => live?.stop());

const shopifyHeaders = (body: string, secret = SECRET) => ({ 'x-shopify-hmac-sha256': signShopify(body, secret), 'x-shopify-webhook-id': `flood-${body.length}`, 'x-shopify-topic': 'orders/paid' });
const ingestHeaders = (body: string, secret = INGEST) => {
  const s = signIngest(body, secret, Math.floor(Date.now() / 1000));
  return { 'x-ingest-timestamp': s.timestamp, 'x-ingest-signature': s.signature };
};

describe('the live ingest port under a flood', () => {
  it('refuses every malformed request on both routes while genuine webhooks keep landing', async () => {
    const rounds = 3;
    const kinds = (r: number) => [
      // Shopify's route takes bodies up to 5 MB (big orders), so a 2 MB stream is within its cap: it waits, as it should.
      ...badRequests('/shopify/webhooks', (b) => shopifyHeaders(b), (b) => shopifyHeaders(b, `${SECRET}x`), r + 1, false).filter((k) => k.kind !== 'streamed 2 MB body'),
      // The ingest endpoint reads a signed body as rows: one that yields no good row is refused 422 with the reasons.
      ...badRequests('/ingest/orders', (b) => ingestHeaders(b), (b) => ingestHeaders(b, `${INGEST}x`), r + 101, false).map((k) => (k.kind.startsWith('signed') ? { ...k, allowed: [400, 422] } : k)),
    ];
    const flooding = flood(live.port, kinds, rounds);
    const answers: number[] = [];
    for (let n = 0; n < 8; n++) {
      const paid = orderLife({ n: 5000 + n, email: `f${n}@example.com`, total: '100.00', created: '2026-11-26T10:00:00+08:00', paid: '2026-11-26T10:00:00+08:00', refund1: '0.00', refundAt: '2026-11-28T10:00:00+08:00', cancelledAt: '2026-11-29T10:00:00+08:00' })[1]; // its 'paid' step
      const res = await fetch(`http://127.0.0.1:${live.port}/shopify/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': signShopify(paid.body, SECRET), 'x-shopify-webhook-id': paid.id, 'x-shopify-topic': paid.topic }, body: paid.body });
      answers.push(res.status);
      expect((await fetch(`http://127.0.0.1:${live.port}/healthz`)).status).toBe(200);
    }
    const outcomes = await flooding;
    expect(outcomes).toHaveLength(rounds * kinds(0).length);
    expect(unexpected(outcomes)).toEqual([]);
    expect(answers).toEqual(Array(8).fill(200));
    await live.inbox!.applyPending();
    expect(figure(app, 'gmv', days('2026-11-26'))).toBe(8 * 10_000); // eight $100.00 orders, nothing from the flood
  }, 60_000);
});
