import cliProgress from 'cli-progress';
import type { Services } from '../../../bot/services.ts';
import type { Logger } from '../../../domain/log.ts';
import type { ShopifyWebhookInbox } from './webhook-inbox.ts';
import { COUNT_QUERY, costExtension, nodeAsPayload, ORDERS_QUERY, ordersPage } from './graphql-orders.ts';

// `sync shopify --since 2026-01-01`: reads the shop's orders through the Admin GraphQL API with
// Shopify's own client, a page at a time, and applies them by the webhook rules. The cursor is
// saved after each page is applied, so a run killed half-way resumes where it stopped; orders
// are identified by name, so a page read twice never counts an order twice.

export interface BackfillOptions {
  shop: string;
  token: string;
  apiVersion: string;
  /** A stand-in for the Admin API (tests): requests go to `${apiUrl}/admin/api/<version>/graphql.json`. */
  apiUrl?: string;
  since: string;
  pageSize?: number;
  progress?: boolean;
  /** Called after each page is applied (tests and the CLI's bar). */
  onPage?: (done: number, total: number | undefined) => void;
  sleep?: (ms: number) => Promise<void>;
}

interface SyncState {
  since: string;
  cursor: string | null;
  done: boolean;
  orders: number;
}

export class BackfillError extends Error {
  override name = 'BackfillError';
}

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Fetch with Shopify's 429 handling: waits Retry-After (seconds) and tries again, a few times. */
function fetchWithRetryAfter(apiUrl: string | undefined, log: Logger, sleep: (ms: number) => Promise<void>) {
  return async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const target = apiUrl ? `${apiUrl.replace(/\/$/, '')}${new URL(String(url)).pathname}` : String(url);
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(target, init);
      if (res.status !== 429 || attempt >= 10) return res;
      const wait = Math.min(60, Number(res.headers.get('retry-after')) || 2);
      log.info({ wait }, 'shopify: 429, waiting Retry-After');
      await res.body?.cancel();
      await sleep(wait * 1000);
    }
  };
}

export async function backfillShopify(services: Services, inbox: ShopifyWebhookInbox, o: BackfillOptions): Promise<{ orders: number; pages: number; resumed: boolean }> {
  const log = services.log;
  const sleep = o.sleep ?? sleepMs;
  // Loaded here, not at the top: every CLI call registers `sync`, and only a backfill needs Shopify's client.
  const { createAdminApiClient } = await import('@shopify/admin-api-client');
  const client = createAdminApiClient({
    storeDomain: o.shop,
    apiVersion: o.apiVersion,
    accessToken: o.token,
    customFetchApi: fetchWithRetryAfter(o.apiUrl, log, sleep),
    logger: (l) => log.debug({ shopify: l.type }, 'shopify client'),
  });
  const doc = await services.docs.open<SyncState>('shopify-sync', { since: o.since, cursor: null, done: false, orders: 0 });
  // A different --since starts over; the same one resumes from the saved cursor.
  if (doc.data.since !== o.since) doc.data = { since: o.since, cursor: null, done: false, orders: 0 };
  const resumed = doc.data.cursor !== null && !doc.data.done;
  if (doc.data.done) doc.data = { ...doc.data, cursor: null, done: false, orders: 0 };
  const query = `created_at:>=${o.since}`;
  const count = await client.request(COUNT_QUERY, { variables: { query } });
  const total = (count.data as { ordersCount?: { count?: number } } | undefined)?.ordersCount?.count;
  const bar = o.progress && process.stderr.isTTY && total ? new cliProgress.SingleBar({ stream: process.stderr, format: 'shopify orders {bar} {value}/{total} | {eta_formatted} left', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(total!, doc.data.orders);
  let pages = 0;
  try {
    for (;;) {
      const res = await client.request(ORDERS_QUERY, { variables: { first: o.pageSize ?? 100, after: doc.data.cursor, query } });
      const cost = costExtension.safeParse(res.extensions ?? {});
      const throttle = cost.success ? cost.data.cost?.throttleStatus : undefined;
      const requested = (cost.success ? cost.data.cost?.requestedQueryCost : undefined) ?? 0;
      const gqlErrors = (res.errors?.graphQLErrors ?? []) as { extensions?: { code?: string } }[];
      if (gqlErrors.some((e) => e.extensions?.code === 'THROTTLED')) {
        // The bucket was empty: wait until it has refilled enough for this query, then ask again.
        const need = throttle ? Math.max(0, requested - throttle.currentlyAvailable) / Math.max(1, throttle.restoreRate) : 1;
        log.info({ waitS: need }, 'shopify: throttled, waiting for the cost bucket');
        await sleep(Math.ceil(need * 1000));
        continue;
      }
      if (res.errors || !res.data) throw new BackfillError(`Shopify answered: ${res.errors?.message ?? 'no data'}${res.errors?.networkStatusCode ? ` (HTTP ${res.errors.networkStatusCode})` : ''}`);
      const page = ordersPage.safeParse(res.data);
      if (!page.success) throw new BackfillError(`Shopify's orders page was not as expected: ${page.error.issues[0].message} at ${page.error.issues[0].path.join('.')}`);
      const { nodes, pageInfo } = page.data.orders;
      await inbox.applyBackfill(nodes.map((n) => ({ id: `backfill:${n.legacyResourceId}`, body: JSON.stringify(nodeAsPayload(n)) })));
      pages++;
      doc.data = { since: o.since, cursor: pageInfo.endCursor ?? doc.data.cursor, done: !pageInfo.hasNextPage, orders: doc.data.orders + nodes.length };
      await doc.write();
      bar?.update(doc.data.orders);
      o.onPage?.(doc.data.orders, total);
      if (!pageInfo.hasNextPage) break;
      // Stay under the bucket: if the next page would not fit, wait for the restore rate.
      if (throttle && throttle.currentlyAvailable < requested) await sleep(Math.ceil(((requested - throttle.currentlyAvailable) / Math.max(1, throttle.restoreRate)) * 1000));
    }
  } finally {
    bar?.stop();
  }
  return { orders: doc.data.orders, pages, resumed };
}
