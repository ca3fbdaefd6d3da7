import { openApp } from '../../../../src/app/compose.ts';
import { backfillShopify } from '../../../../src/adapters/ingest/shopify/backfill.ts';
import { ShopifyWebhookInbox } from '../../../../src/adapters/ingest/shopify/webhook-inbox.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';

// Child for the resume test: syncs against the parent's stand-in and prints `started` once
// two pages are applied; the parent kills it then, and later runs the sync to the end.

const config = loadConfig();
const app = await openApp(config, { log: silentLogger });
const inbox = await new ShopifyWebhookInbox(app.services, config.DATA_DIR).open();
await backfillShopify(app.services, inbox, {
  shop: config.SHOPIFY_SHOP!, token: config.SHOPIFY_ADMIN_TOKEN!, apiVersion: config.SHOPIFY_API_VERSION, apiUrl: config.SHOPIFY_API_URL, since: '2026-11-01', pageSize: 5,
  onPage: (done) => {
    if (done === 10) process.stdout.write('started\n');
  },
});
process.stdout.write('finished\n');
