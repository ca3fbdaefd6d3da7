import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Services } from '../../../bot/services.ts';
import type { StockBook } from '../../../domain/stock/stock-book.ts';
import type { GuardedHttp, RouteAnswer, RouteRequest } from '../../http/guarded-http.ts';
import { ImportError, importFile, type ImportSummary } from '../import-file.ts';
import { TOPICS, type Topic } from '../shopify/webhook-payloads.ts';
import type { ShopifyWebhookInbox } from '../shopify/webhook-inbox.ts';
import { importStock, type StockImportSummary } from '../stock-file.ts';
import { importText, type IngestKind } from './ingest-body.ts';
import { ingestSignatureOk, shopifySignatureOk } from './signatures.ts';
import { inLane } from './write-lane.ts';

// The live routes on INGEST_PORT. Shopify's are answered as soon as the delivery is on disk;
// the signed ingest endpoint applies the rows and answers with the import's own summary.

const header = (req: RouteRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** `POST /shopify/webhooks`: signature (new or old secret), then once per X-Shopify-Webhook-Id. */
export function mountShopify(http: GuardedHttp, inbox: ShopifyWebhookInbox, secrets: string[], maxBodyBytes: number): void {
  http.route('POST', '/shopify/webhooks', async (req): Promise<RouteAnswer> => {
    if (!shopifySignatureOk(req.body, header(req, 'x-shopify-hmac-sha256'), secrets)) return { status: 401, text: 'invalid X-Shopify-Hmac-Sha256\n' };
    const id = header(req, 'x-shopify-webhook-id') ?? header(req, 'x-shopify-event-id');
    const topic = header(req, 'x-shopify-topic');
    if (!id) return { status: 400, text: 'X-Shopify-Webhook-Id is missing\n' };
    // A topic the bot does not use is acknowledged, so Shopify does not retry it for two days.
    if (!topic || !TOPICS.includes(topic as Topic)) return { status: 200, json: { ok: true, ignored: topic ?? null } };
    // Only a JSON object goes into the journal: anything else would fail at every replay.
    if (!isJsonObject(req.body)) return { status: 400, text: 'the body is not a JSON object\n' };
    const at = header(req, 'x-shopify-triggered-at');
    const result = await inbox.receive({ id, topic: topic as Topic, ...(at ? { at } : {}), body: req.body.toString('utf8') });
    return { status: 200, json: { ok: true, [result]: id } };
  }, { maxBodyBytes });
}

export interface IngestDeps {
  services: Services;
  stock: StockBook;
  secret: string;
  dataDir: string;
  maxBodyBytes: number;
}

/** `POST /ingest/orders|stock|traffic|spend`, signed with INGEST_SECRET over `timestamp.body`. */
export function mountIngest(http: GuardedHttp, deps: IngestDeps): void {
  for (const kind of ['orders', 'traffic', 'spend', 'stock'] as const) {
    http.route('POST', `/ingest/${kind}`, (req) => ingest(kind, req, deps), { maxBodyBytes: deps.maxBodyBytes });
  }
}

async function ingest(kind: IngestKind, req: RouteRequest, deps: IngestDeps): Promise<RouteAnswer> {
  const { services } = deps;
  const check = ingestSignatureOk(req.body, header(req, 'x-ingest-timestamp'), header(req, 'x-ingest-signature'), deps.secret, Date.now()); // the sender signs with the real time
  if (!check.ok) return { status: 401, json: { ok: false, error: check.reason } };
  const body = importText(kind, req.body.toString('utf8'));
  if ('error' in body) return { status: 400, json: { ok: false, error: body.error } };
  // On disk first (the same file an `import` would read), then applied in the one write lane.
  const dir = join(deps.dataDir, 'ingest', kind);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${Date.now()}-${randomUUID()}.${body.ext}`);
  const fh = await open(path, 'w');
  try {
    await fh.writeFile(body.text);
    await fh.datasync();
  } finally {
    await fh.close();
  }
  try {
    const summary = await inLane<ImportSummary | StockImportSummary>(services.data, () => (kind === 'stock' ? importStock(path, services, deps.stock) : importFile(path, kind, services)));
    const { file: _file, ...rest } = summary;
    // Nothing usable at all is refused (as the `import` command exits 1); some bad rows beside good ones are reported.
    if (summary.added + summary.replaced === 0 && summary.bad > 0) return { status: 422, json: { ok: false, ...rest } };
    return { status: 200, json: { ok: true, ...rest } };
  } catch (err) {
    if (err instanceof ImportError) return { status: 400, json: { ok: false, error: err.message.replace(path, `the ${kind} body`) } };
    throw err;
  } finally {
    await rm(path, { force: true });
  }
}

function isJsonObject(body: Buffer): boolean {
  try {
    const v: unknown = JSON.parse(body.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
