import type { App } from '../../../app/compose.ts';
import { GuardedHttp } from '../../http/guarded-http.ts';
import { healthBoard, type HealthBoard } from '../../http/health-board.ts';
import { ShopifyWebhookInbox } from '../shopify/webhook-inbox.ts';
import { mountIngest, mountShopify } from './ingest-routes.ts';

// The live feeds' listener on INGEST_PORT: Shopify webhooks when SHOPIFY_WEBHOOK_SECRET is
// set, the signed ingest endpoint when INGEST_SECRET is set; nothing listens otherwise.

export interface LiveIngest {
  port: number;
  inbox?: ShopifyWebhookInbox;
  stop(): Promise<void>;
}

const MB = 1024 * 1024;
const DEFAULT_SYNC_DAYS = 90;

/**
 * With SHOPIFY_SHOP and SHOPIFY_ADMIN_TOKEN set, the first start reads the shop's orders
 * (since SHOPIFY_SYNC_SINCE, else the last 90 days) in the background; an interrupted sync
 * resumes at the next start. Once done, webhooks keep the book current.
 */
async function firstStartBackfill(app: App, inbox?: ShopifyWebhookInbox): Promise<void> {
  const { config, services } = app;
  if (!config.SHOPIFY_SHOP || !config.SHOPIFY_ADMIN_TOKEN) return;
  const state = await services.docs.open<{ done?: boolean }>('shopify-sync', {});
  if (state.data.done) return;
  const since = config.SHOPIFY_SYNC_SINCE ?? new Date(services.clock.now().getTime() - DEFAULT_SYNC_DAYS * 86_400_000).toISOString().slice(0, 10);
  const box = inbox ?? (await new ShopifyWebhookInbox(services, config.DATA_DIR, { fsync: config.OUTBOX_FSYNC }).open());
  const { backfillShopify } = await import('../shopify/backfill.ts');
  void backfillShopify(services, box, { shop: config.SHOPIFY_SHOP, token: config.SHOPIFY_ADMIN_TOKEN, apiVersion: config.SHOPIFY_API_VERSION, apiUrl: config.SHOPIFY_API_URL, since })
    .then((r) => services.log.info({ orders: r.orders, since }, 'shopify backfill done'))
    .catch((err: unknown) => services.log.warn({ err: (err as Error).message }, 'shopify backfill stopped; it resumes at the next start or with `sync shopify`'));
}
const SHOPIFY_MAX_BYTES = 5 * MB;

export async function startLiveIngest(app: App, opts: { port?: number; host?: string; health?: HealthBoard } = {}): Promise<LiveIngest | undefined> {
  const { config, services } = app;
  if (!config.SHOPIFY_WEBHOOK_SECRET && !config.INGEST_SECRET) {
    await firstStartBackfill(app);
    return undefined;
  }
  const health = opts.health ?? healthBoard;
  const stock = await services.books.stock();
  const http = new GuardedHttp({ name: 'ingest', log: services.log, health });
  let inbox: ShopifyWebhookInbox | undefined;
  if (config.SHOPIFY_WEBHOOK_SECRET) {
    inbox = await new ShopifyWebhookInbox(services, config.DATA_DIR, {
      fsync: config.OUTBOX_FSYNC,
      onInventory: async (updates) => {
        const now = services.clock.now().getTime();
        await stock.apply(updates.map((u) => ({ sku: stock.skuOfShopifyItem(u.item), onHand: u.available, ...(u.location ? { warehouse: `shopify:${u.location}` } : {}) })), services.data, services.calendar.dayOf(now) - 1, now);
      },
    }).open();
    mountShopify(http, inbox, [config.SHOPIFY_WEBHOOK_SECRET, ...(config.SHOPIFY_WEBHOOK_SECRET_OLD ? [config.SHOPIFY_WEBHOOK_SECRET_OLD] : [])], SHOPIFY_MAX_BYTES);
  }
  if (config.INGEST_SECRET) mountIngest(http, { services, stock, secret: config.INGEST_SECRET, dataDir: config.DATA_DIR, maxBodyBytes: Math.round(config.INGEST_MAX_BODY_MB * MB) });
  const port = await http.listen(opts.port ?? config.INGEST_PORT, opts.host ?? config.INGEST_HOST);
  health.set('ingest', 'online');
  await firstStartBackfill(app, inbox);
  services.log.info({ port, shopify: !!inbox, ingest: !!config.INGEST_SECRET }, 'live ingest listening');
  return {
    port,
    ...(inbox ? { inbox } : {}),
    async stop() {
      await http.close();
      await inbox?.close();
      health.set('ingest', 'stopped');
    },
  };
}
