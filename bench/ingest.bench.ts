import { mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoStore } from '../src/adapters/demo/demo-store.ts';
import { HealthBoard } from '../src/adapters/http/health-board.ts';
import { importFile } from '../src/adapters/ingest/import-file.ts';
import { signShopify } from '../src/adapters/ingest/live/signatures.ts';
import { startLiveIngest } from '../src/adapters/ingest/live/start-ingest.ts';
import { openApp, type App } from '../src/app/compose.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/domain/log.ts';
import { applyOrders } from '../src/domain/orders/apply-orders.ts';
import { fmt, line, percentile } from './report.ts';

// Issue 19's bench: sustained Shopify webhook ingest into a store holding the demo's orders,
// on disk with fdatasync, answered only after the journal write: orders per second until all
// are in the book, and the answer's p99, against the same orders through a file import
// (own-schema JSONL) in the same run. BENCH_INGEST_ORDERS (default 5,000), BENCH_INGEST_CONCURRENCY (16).

const SECRET = 'bench-secret';

async function freshStore(): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const app = await openApp(loadConfig({ DATA_DIR: dir, DEMO_STORE: 'off', BOT_NOW: '2026-11-27T10:30:00+08:00', LOG_LEVEL: 'silent', STORE_CURRENCY: 'CNY', SHOPIFY_WEBHOOK_SECRET: SECRET, INGEST_PORT: '1', OUTBOX_FSYNC: process.env.BENCH_INGEST_FSYNC ?? 'true' }), { log: silentLogger });
  const { calendar, clock, data, orders } = app.services;
  await applyOrders(data, orders, generateDemoStore({ now: clock.now().getTime(), startOfDay: (d) => calendar.startOf(d), dayOf: (ms) => calendar.dayOf(ms) }).orders);
  return app;
}

function orderBody(i: number): string {
  const at = new Date(Date.parse('2026-11-27T08:00:00+08:00') + i * 500).toISOString();
  return JSON.stringify({
    id: `${9007199254740993n + BigInt(i)}`.replace(/^/, ''), name: `#B${i}`, created_at: at, updated_at: at, processed_at: at, cancelled_at: null, financial_status: 'paid', currency: 'CNY', total_price: `${100 + (i % 50)}.00`,
    total_price_set: { shop_money: { amount: `${100 + (i % 50)}.00`, currency_code: 'CNY' } }, email: `b${i % 700}@example.com`, source_name: 'web', discount_codes: [], refunds: [],
    line_items: [{ sku: `SK-${i % 40}`, name: 'Thing', quantity: 1, price: `${100 + (i % 50)}.00` }],
  });
}

function post(port: number, agent: Agent, body: string, id: string): Promise<number> {
  const buf = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/shopify/webhooks', agent, headers: { 'content-type': 'application/json', 'content-length': buf.length, 'x-shopify-hmac-sha256': signShopify(buf, SECRET), 'x-shopify-webhook-id': id, 'x-shopify-topic': 'orders/create' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(buf);
  });
}

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_INGEST_ORDERS ?? 5000);
  const concurrency = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 16);
  const bodies = Array.from({ length: n }, (_, i) => orderBody(i));

  // Reference: the same orders as one own-schema JSONL file through `import`.
  const ref = await freshStore();
  const file = join(mkdtempSync(join(tmpdir(), 'bench-ingest-file-')), 'orders.jsonl');
  writeFileSync(file, bodies.map((b, i) => { const o = JSON.parse(b); return JSON.stringify({ platform: 'shopify', order_id: o.name, channel: 'web', customer: o.email, created_at: o.created_at, paid_at: o.processed_at, status: 'paid', amount: o.total_price, items: [{ sku: `SK-${i % 40}`, qty: 1, amount: o.total_price }] }); }).join('\n'));
  const t0 = performance.now();
  const s = await importFile(file, 'orders', ref.services);
  const fileMs = performance.now() - t0;
  if (s.added !== n) throw new Error(`file import added ${s.added} of ${n}`);

  // Webhooks: signed deliveries, `concurrency` in flight, until every order is in the book.
  const app = await freshStore();
  const before = app.services.data.book.size;
  const live = (await startLiveIngest(app, { port: 0, host: '127.0.0.1', health: new HealthBoard() }))!;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const lat: number[] = [];
  let next = 0;
  let failed = 0;
  const codes: Record<number, number> = {};
  const t1 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const i = next++;
      const t = performance.now();
      const code = await post(live.port, agent, bodies[i], `bench-${i}`);
      if (code !== 200) failed++, (codes[code] = (codes[code] ?? 0) + 1);
      lat.push(performance.now() - t);
    }
  }));
  const answeredMs = performance.now() - t1;
  await live.inbox!.applyPending();
  const appliedMs = performance.now() - t1;
  // Live batches are saved at the inbox's checkpoint (every few seconds; the journal holds them until then).
  await live.inbox!.applyPending({ checkpoint: true });
  const savedMs = performance.now() - t1;
  const added = app.services.data.book.size - before;
  agent.destroy();
  await live.stop();
  lat.sort((a, b) => a - b);
  if (failed) console.log('  failed answers by status:', JSON.stringify(codes));
  const hookRate = (n / appliedMs) * 1000;
  const fileRate = (n / fileMs) * 1000;
  console.log(`  ${n.toLocaleString('en')} Shopify orders into a store of ${before.toLocaleString('en')}, ${concurrency} in flight, journal fdatasync on`);
  line('webhook orders answered (200)', `${(n - failed).toLocaleString('en')}/${n.toLocaleString('en')}`, { ok: failed === 0 && added === n, text: `all, ${added} in book` });
  line('webhook ingest, answered → applied', `${fmt(hookRate, 0)} orders/s`, { ok: hookRate >= 1000, text: '>= 1,000/s' });
  line('webhook answer p50 / p99', `${fmt(percentile(lat, 50))} / ${fmt(percentile(lat, 99))} ms`, { ok: percentile(lat, 99) <= 50, text: 'p99 <= 50 ms' });
  line('  (all answered after)', `${fmt(answeredMs, 0)} ms`);
  line('  (all in the book after / saved after)', `${fmt(appliedMs, 0)} / ${fmt(savedMs, 0)} ms`);
  line('reference: same orders as one JSONL import', `${fmt(fileRate, 0)} orders/s`);
  line('webhook rate / file import rate', `${fmt(hookRate / fileRate, 3)}×`);
}
