import { readFileSync } from 'node:fs';
import { openApp, type App } from '../../../../src/app/compose.ts';
import { GuardedHttpReceiver } from '../../../../src/platforms/slack/guarded-http-receiver.ts';
import type { HttpLimits } from '../../../../src/adapters/http/guarded-http.ts';
import type { ChartDelivery } from '../../../../src/chat/chart-delivery.ts';
import { SlackAdapter } from '../../../../src/platforms/slack/slack-adapter.ts';
import { slackLogger } from '../../../../src/platforms/slack/slack-logger.ts';
import { makeWebClient } from '../../../../src/platforms/slack/slack-sender.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import type { Incoming } from '../../../../src/chat/incoming.ts';
import type { Reply } from '../../../../src/chat/reply.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { applyOrders } from '../../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../../src/domain/orders/order.ts';
import type { DocStore } from '../../../../src/domain/ports.ts';
import { postSigned, SlackStandIn, type SignedPost } from './slack-stand-in.ts';

// The real bot and the real Bolt app over HTTP, talking to a stand-in Slack on 127.0.0.1.

export const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const NOW = '2026-11-27T10:30:00+08:00';
export const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/slack/${name}.json`, import.meta.url), 'utf8'));

const at = (iso: string) => Date.parse(iso);
const order = (id: string, paid: string, amount: number, channel = 'tmall'): Order => ({ platform: 'test', orderId: id, channel, customer: `c-${id}`, createdAt: at(paid), paidAt: at(paid), status: 'paid', amount, refunded: 0, lines: [{ sku: 'SK-1', qty: 1, amount }] });

export interface Harness {
  stand: SlackStandIn;
  app: App;
  adapter: SlackAdapter;
  docs: DocStore;
  /** Everything the bot was handed, in order. */
  seen: Incoming[];
  port: number;
  post(body: string, contentType: SignedPost['contentType'], extra?: Partial<SignedPost>): Promise<{ status: number; text: string }>;
  event(payload: object, extra?: Partial<SignedPost>): Promise<{ status: number; text: string }>;
  form(fields: Record<string, string>, extra?: Partial<SignedPost>): Promise<{ status: number; text: string }>;
  interactive(payload: object, extra?: Partial<SignedPost>): Promise<{ status: number; text: string }>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(opts: { stand?: SlackStandIn; docs?: DocStore; shape?: (reply: Reply, incoming: Incoming) => Reply; env?: Record<string, string>; limits?: Partial<HttpLimits>; charts?: ChartDelivery } = {}): Promise<Harness> {
  const stand = opts.stand ?? new SlackStandIn();
  if (!opts.stand) await stand.start();
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: NOW, LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: stand.apiUrl, ...opts.env }), { memory: true, log: silentLogger });
  const { data, orders } = app.services;
  await applyOrders(data, orders, [order('a', '2026-11-26T09:00:00+08:00', 40_000), order('b', '2026-11-26T12:00:00+08:00', 20_000, 'douyin'), order('c', '2026-11-27T09:00:00+08:00', 12_345)]);
  const docs = opts.docs ?? new MemoryDocStore();
  const seen: Incoming[] = [];
  let adapter!: SlackAdapter;
  let receiver!: GuardedHttpReceiver;
  const boot = async () => {
    receiver = new GuardedHttpReceiver({ signingSecret: SECRET, port: 0, host: '127.0.0.1', logger: slackLogger(silentLogger), ...(opts.limits ? { limits: opts.limits } : {}) });
    adapter = new SlackAdapter({ client: makeWebClient('xoxb-test-token', stand.apiUrl), receiver, docs, clock: app.services.clock, log: silentLogger, slackApiUrl: stand.apiUrl, ...(opts.charts ? { charts: opts.charts } : {}) });
    await adapter.start(async (incoming) => {
      seen.push(incoming);
      const reply = await app.bot.handle(incoming);
      return opts.shape ? opts.shape(reply, incoming) : reply;
    });
  };
  await boot();
  const h: Harness = {
    stand,
    app,
    docs,
    seen,
    get adapter() {
      return adapter;
    },
    get port() {
      return receiver.boundPort!;
    },
    post: (body, contentType, extra = {}) => postSigned({ port: h.port, body, contentType, secret: SECRET, ...extra }),
    event: (payload, extra) => h.post(JSON.stringify(payload), 'application/json', extra),
    form: (fields, extra) => h.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', extra),
    interactive: (payload, extra) => h.form({ payload: JSON.stringify(payload) }, extra),
    restart: async () => {
      await adapter.stop();
      await boot();
    },
    close: async () => {
      await adapter.stop();
      if (!opts.stand) await stand.stop();
    },
  };
  return h;
}

/** Deep-searches Block Kit for text, so assertions read like what a person sees. */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'string') return;
    if (Array.isArray(x)) return x.forEach(walk);
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== 'text' || typeof v !== 'string') walk(v);
    }
  };
  walk(blocks);
  return out.join('\n');
}
