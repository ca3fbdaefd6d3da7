import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for Shopify's Admin GraphQL API on 127.0.0.1: pages orders by cursor, reports
// the query cost, answers THROTTLED when its bucket is empty and 429 with Retry-After once.

export interface StandInOrder {
  id: string;
  name: string;
  createdAt: string;
  status: 'PAID' | 'PENDING' | 'VOIDED' | 'PARTIALLY_REFUNDED';
  total: string;
  refunded?: string;
  email: string;
}

export interface StandIn {
  url: string;
  /** `after` cursor of each orders request, in order (null = first page). */
  cursors: (string | null)[];
  throttled: number;
  tooMany: number;
  close(): Promise<void>;
}

const COST = 40;

export async function adminStandIn(orders: StandInOrder[], opts: { token: string; throttleEvery?: number; tooManyAt?: number; delayMs?: number } = { token: '' }): Promise<StandIn> {
  let requests = 0;
  const state = { cursors: [] as (string | null)[], throttled: 0, tooMany: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        const send = () => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(value));
        };
        if (opts.delayMs) setTimeout(send, opts.delayMs);
        else send();
      };
      if (req.method !== 'POST' || !/^\/admin\/api\/[\w-]+\/graphql\.json$/.test(req.url ?? '')) return json(404, { errors: 'Not Found' });
      if (req.headers['x-shopify-access-token'] !== opts.token) return json(401, { errors: '[API] Invalid API key or access token' });
      const { query, variables } = JSON.parse(body) as { query: string; variables: { first?: number; after?: string | null; query?: string } };
      const since = /created_at:>=(\S+)/.exec(variables.query ?? '')?.[1] ?? '0000';
      const matching = orders.filter((o) => o.createdAt.slice(0, 10) >= since);
      if (query.includes('ordersCount')) return json(200, { data: { ordersCount: { count: matching.length } } });
      requests++;
      if (opts.tooManyAt === requests) {
        state.tooMany++;
        return json(429, { errors: 'Throttled' }, { 'retry-after': '1' });
      }
      const extensions = (available: number) => ({ cost: { requestedQueryCost: COST, actualQueryCost: available >= COST ? COST : null, throttleStatus: { maximumAvailable: 100, currentlyAvailable: available, restoreRate: 1000 } } });
      if (opts.throttleEvery && requests % opts.throttleEvery === 0) {
        state.throttled++;
        return json(200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }], extensions: extensions(10) });
      }
      state.cursors.push(variables.after ?? null);
      const start = variables.after ? Number(Buffer.from(variables.after, 'base64').toString()) : 0;
      const slice = matching.slice(start, start + (variables.first ?? 50));
      const end = start + slice.length;
      json(200, {
        data: {
          orders: {
            pageInfo: { hasNextPage: end < matching.length, endCursor: slice.length ? Buffer.from(String(end)).toString('base64') : null },
            nodes: slice.map((o) => ({
              legacyResourceId: o.id, name: o.name, createdAt: o.createdAt, updatedAt: o.createdAt, processedAt: o.createdAt, cancelledAt: o.status === 'VOIDED' ? o.createdAt : null,
              displayFinancialStatus: o.status, email: o.email, phone: null, sourceName: 'web', discountCodes: [],
              totalPriceSet: { shopMoney: { amount: o.total, currencyCode: 'USD' } }, customer: { email: o.email, phone: null },
              refunds: o.refunded ? [{ legacyResourceId: `7${o.id}`, createdAt: o.createdAt, totalRefundedSet: { shopMoney: { amount: o.refunded } } }] : [],
              lineItems: { nodes: [{ sku: 'SK-1', name: 'Thing', quantity: 1, originalUnitPriceSet: { shopMoney: { amount: o.total } } }] },
            })),
          },
        },
        extensions: extensions(60),
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get cursors() { return state.cursors; },
    get throttled() { return state.throttled; },
    get tooMany() { return state.tooMany; },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** n orders from 2026-11-01 on, two a day, every fifth voided, every seventh partly refunded. */
export function standInOrders(n: number): StandInOrder[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(9007199254740993n + BigInt(i)),
    name: `#${5000 + i}`,
    createdAt: new Date(Date.parse('2026-11-01T02:00:00Z') + i * 12 * 3_600_000).toISOString(),
    status: i % 5 === 4 ? 'VOIDED' : i % 7 === 6 ? 'PARTIALLY_REFUNDED' : 'PAID',
    total: `${10 + i}.50`,
    ...(i % 7 === 6 ? { refunded: '5.00' } : {}),
    email: `buyer${i % 9}@example.com`,
  }));
}
