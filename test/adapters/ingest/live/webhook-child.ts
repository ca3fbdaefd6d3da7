import { request } from 'node:http';
import { openApp } from '../../../../src/app/compose.ts';
import { startLiveIngest } from '../../../../src/adapters/ingest/live/start-ingest.ts';
import { signShopify } from '../../../../src/adapters/ingest/live/signatures.ts';
import { HealthBoard } from '../../../../src/adapters/http/health-board.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { orderLife } from '../shopify/recorded.ts';

// Child for the crash test: the bot on DATA_DIR receives one signed delivery and prints
// `started` the moment the 200 arrives; the parent SIGKILLs it then. Saving the order book
// is made to hang here, so whatever the parent later finds came from the journal alone.

const app = await openApp(loadConfig(), { log: silentLogger });
app.services.orders.saveMonths = () => new Promise(() => {});
const live = (await startLiveIngest(app, { port: 0, host: '127.0.0.1', health: new HealthBoard() }))!;
const steps = orderLife({ n: 2001, email: 'k@example.com', total: '77.00', created: '2026-11-26T10:00:00+08:00', paid: '2026-11-26T10:00:00+08:00', refund1: '7.00', refundAt: '2026-11-26T12:00:00+08:00', cancelledAt: '2026-11-26T13:00:00+08:00' });
const paid = steps[1];
const body = Buffer.from(paid.body);
const req = request({ host: '127.0.0.1', port: live.port, method: 'POST', path: '/shopify/webhooks', headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': signShopify(body, process.env.SHOPIFY_WEBHOOK_SECRET!), 'x-shopify-webhook-id': paid.id, 'x-shopify-topic': paid.topic, 'content-length': body.length } }, (res) => {
  if (res.statusCode === 200) process.stdout.write('started\n');
  else process.stdout.write(`status ${res.statusCode}\n`);
  res.resume();
});
req.end(body);
