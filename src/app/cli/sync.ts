import { makeLogger, openApp } from '../compose.ts';
import { loadConfig } from '../../config.ts';
import { BackfillError, backfillShopify } from '../../adapters/ingest/shopify/backfill.ts';
import { ShopifyWebhookInbox } from '../../adapters/ingest/shopify/webhook-inbox.ts';
import type { Flags } from './flags.ts';

// `store-ops-bot sync shopify --since 2026-01-01`: reads the shop's orders since that date
// into the order book; run again after a crash, it resumes from its last page.

const USAGE = 'usage: store-ops-bot sync shopify --since 2026-01-01   (needs SHOPIFY_SHOP and SHOPIFY_ADMIN_TOKEN)';

export async function syncCommand(args: string[], flags: Flags): Promise<number> {
  const since = flags.since;
  if (args[0] !== 'shopify' || args.length !== 1 || !since || !/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since))) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  if (!config.SHOPIFY_SHOP || !config.SHOPIFY_ADMIN_TOKEN) {
    console.error(`sync shopify needs SHOPIFY_SHOP (like my-store.myshopify.com) and SHOPIFY_ADMIN_TOKEN (an Admin API access token with read_orders)\n${USAGE}`);
    return 1;
  }
  const app = await openApp(config, { log: makeLogger({ ...config, LOG_LEVEL: config.LOG_LEVEL === 'debug' ? 'debug' : 'warn' }, true) });
  const inbox = await new ShopifyWebhookInbox(app.services, config.DATA_DIR, { fsync: config.OUTBOX_FSYNC }).open();
  try {
    const r = await backfillShopify(app.services, inbox, { shop: config.SHOPIFY_SHOP, token: config.SHOPIFY_ADMIN_TOKEN, apiVersion: config.SHOPIFY_API_VERSION, apiUrl: config.SHOPIFY_API_URL, since, progress: true });
    console.log(`shopify: ${r.orders.toLocaleString('en')} orders since ${since} read in ${r.pages} pages${r.resumed ? ' (resumed from the last saved page)' : ''}; ${app.services.data.book.size.toLocaleString('en')} orders in the book`);
    return 0;
  } catch (err) {
    if (!(err instanceof BackfillError)) throw err;
    console.error(`shopify sync stopped: ${err.message}; run the same command again to resume`);
    return 1;
  } finally {
    await inbox.close();
  }
}
