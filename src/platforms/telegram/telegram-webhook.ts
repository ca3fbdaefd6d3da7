import { webhookCallback, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { Logger } from '../../domain/log.ts';
import type { HttpLimits, RouteAnswer, RouteRequest } from '../../adapters/http/guarded-http.ts';
import type { HealthBoard } from '../../adapters/http/health-board.ts';
import { listenerPool } from '../../adapters/http/listener-pool.ts';

export interface WebhookOptions {
  /** The public URL Telegram posts to; its path is the one served. */
  url: string;
  port: number;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  /** Bind address; all interfaces when unset. */
  host?: string;
  /** Tighter or looser listener limits than DEFAULT_HTTP_LIMITS (tests use short timeouts). */
  limits?: Partial<HttpLimits>;
}

/** The least an update must be before grammY sees it; the rest is read by telegram-incoming. */
const updateShape = z.looseObject({ update_id: z.number().int().nonnegative() });

class BadUpdate extends Error {}

function parseUpdate(body: Buffer): Update {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new BadUpdate('body is not JSON; Telegram posts one Update object as JSON');
  }
  const update = updateShape.safeParse(json);
  if (!update.success) throw new BadUpdate('not a Telegram update: expected a JSON object with a numeric update_id');
  return update.data as unknown as Update; // grammY and telegram-incoming read the fields they use
}

/** grammY's side of one request: it reads the update and the secret header, and says how to answer. */
function frameworkAdapter(req: RouteRequest, out: { answer?: RouteAnswer }) {
  const secret = req.headers['x-telegram-bot-api-secret-token'];
  return {
    // Read only after grammY has checked the secret, so an unsigned request learns nothing about parsing.
    get update() {
      return Promise.resolve().then(() => parseUpdate(req.body));
    },
    header: Array.isArray(secret) ? secret[0] : secret,
    end: () => void (out.answer = { status: 200, text: '' }),
    respond: (json: string) => void (out.answer = { status: 200, body: Buffer.from(json), headers: { 'content-type': 'application/json' } }),
    unauthorized: () => void (out.answer = { status: 401, text: 'secret token missing or wrong\n' }),
  };
}

/** The webhook being served: its port, and how to stop serving it. */
export interface WebhookServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves Telegram's webhook POSTs on the URL's path, behind the guarded listener (404/405,
 * body cap, timeouts, /healthz), shared with other adapters configured on the same port.
 * grammY compares the secret header in constant time and answers 401 before the body is
 * parsed; it answers 200 after 9 s even if the bot is still working, so Telegram does not
 * deliver the update again.
 */
export async function serveWebhook(bot: Bot, hook: WebhookOptions, log: Logger, deps: { limits?: Partial<HttpLimits>; health?: HealthBoard } = {}): Promise<WebhookServer> {
  const path = new URL(hook.url).pathname;
  const callback = webhookCallback(bot, frameworkAdapter, { secretToken: hook.secret, onTimeout: 'return', timeoutMilliseconds: 9000 });
  const lease = await listenerPool.acquire({ port: hook.port, host: hook.host, log, limits: deps.limits ?? hook.limits, health: deps.health });
  const onUpdate = async (req: RouteRequest): Promise<RouteAnswer> => {
    const out: { answer?: RouteAnswer } = {};
    try {
      await callback(req, out);
    } catch (err) {
      if (!(err instanceof BadUpdate)) throw err; // the listener logs it and answers 500
      log.warn({ reason: err.message }, 'telegram webhook refused a malformed update');
      return { status: 400, text: `${err.message}\n` };
    }
    return out.answer ?? { status: 200, text: '' };
  };
  try {
    lease.http.route('POST', path, onUpdate);
  } catch (err) {
    await lease.release();
    throw err;
  }
  return {
    port: lease.port,
    close: async () => {
      lease.http.unroute('POST', path);
      await lease.release();
    },
  };
}
