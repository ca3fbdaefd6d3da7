import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openApp } from '../../../../src/app/compose.ts';
import { ShopifyWebhookInbox } from '../../../../src/adapters/ingest/shopify/webhook-inbox.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { runChild } from '../../../support/kill-child.ts';
import { dataset } from '../../../support/datasets.ts';

const here = dirname(fileURLToPath(import.meta.url));

it('a SIGKILL right after the 200 loses nothing: the next start applies the journaled delivery', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hook-crash-'));
  const env = { DATA_DIR: dir, DEMO_STORE: 'off', STORE_CURRENCY: 'USD', LOG_LEVEL: 'silent', SHOPIFY_WEBHOOK_SECRET: 'hush-hush-secret', STORE_OPS_DATASETS: dirname(dirname(dataset('shopify/webhook_order_sample_shopify_dev.json'))) };
  const out = await runChild(join(here, 'webhook-child.ts'), env, 0);
  expect(out).toBe('started\n');
  const app = await openApp(loadConfig({ ...process.env, ...env }), { log: silentLogger });
  expect(app.services.data.book.rowFor('shopify', '#2001')).toBeUndefined(); // the killed process never saved it
  const inbox = await new ShopifyWebhookInbox(app.services, dir).open();
  const row = app.services.data.book.rowFor('shopify', '#2001');
  expect(row).toBeDefined();
  expect(app.services.data.book.order(row!)).toMatchObject({ status: 'paid', amount: 7700 });
  expect(inbox.has('w-2001-2')).toBe(true);
  await inbox.close();
}, 30_000);
