/**
 * A guarded HTTP listener that adapters mount their routes on (Slack events, Telegram webhook,
 * WeCom callback, Shopify/ingest). Whatever arrives, the process keeps running.
 *
 * API (stable; other adapters build on it):
 *
 *   const http = new GuardedHttp({ name: 'slack', log });        // limits?: Partial<HttpLimits>, health?: HealthBoard
 *   http.route('POST', '/slack/events', async (req) => {         // exact method + exact path (query string ignored)
 *     req.body;                                                  // raw Buffer, already read (≤ the cap): check signatures on it
 *     return { status: 200, json: { ok: true } };                // or text: '…', or body: Buffer; headers?: {...}
 *   }, { maxBodyBytes: 5 * 1024 * 1024 });                       // per-route cap, optional
 *   const port = await http.listen(3000, '127.0.0.1');           // port 0 picks one; host optional (all interfaces)
 *   await http.close();
 *
 * Adapters take their listener from the pool, so an operator can put several on one port:
 *
 *   const lease = await listenerPool.acquire({ port, host: config.HTTP_HOST, log });  // listener-pool.ts
 *   lease.http.route('POST', '/wecom/callback', handler);          // paths must differ between adapters
 *   …  lease.http.unroute('POST', '/wecom/callback'); await lease.release();
 *
 * and say how their connection is doing on the board /healthz reads (health-board.ts):
 *
 *   healthBoard.set('wecom', 'online');                            // connecting | online | reconnecting | stopped | failed
 *
 * A handler that returns nothing has taken the response over: it must end `req.res` itself
 * (used to hand a request to a library such as Bolt; `req.raw.rawBody` holds the body for it).
 *
 * What every listener guarantees, before any route runs:
 * - `GET|HEAD /healthz` → 200 `{"ok":true,"platforms":{"slack":"online"}}` from the HealthBoard (states only, no secrets).
 * - unknown path → 404; known path, other method → 405 with `Allow`.
 * - body over the cap (declared or streamed) → 413, reading stops, nothing past the cap is kept.
 * - headers slower than `headersTimeoutMs`, a body slower than `requestTimeoutMs` → 408 (or the socket closed);
 *   an idle socket is closed after `idleTimeoutMs`; a handler still busy after `handlerTimeoutMs` → 503.
 * - a handler that throws → 500 plain text, logged (method and path only); a malformed request → 400.
 * Refusals are plain text and close the connection when the request body was not read.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '../../domain/log.ts';
import { healthBoard, type HealthBoard } from './health-board.ts';
import { DEFAULT_HTTP_LIMITS, type HttpLimits, type RouteAnswer, type RouteHandler, type RouteRequest } from './http-route.ts';
import { answer, answerClientError, refuse } from './plain-answers.ts';
import { readBody } from './read-body.ts';

export { DEFAULT_HTTP_LIMITS, type HttpLimits, type RouteAnswer, type RouteHandler, type RouteRequest } from './http-route.ts';

interface Route {
  handler: RouteHandler;
  maxBodyBytes: number;
}

const HEALTH_PATH = '/healthz';

/** Writing an answer can itself throw (a handler's bad header value): then the connection is dropped, never the process. */
function lastResort(res: ServerResponse, write: () => unknown): void {
  try {
    write();
  } catch {
    res.destroy();
  }
}

export class GuardedHttp {
  readonly name: string;
  readonly limits: HttpLimits;
  private readonly log: Logger;
  private readonly health: HealthBoard;
  private readonly routes = new Map<string, Map<string, Route>>();
  private server?: Server;

  constructor(opts: { name: string; log: Logger; health?: HealthBoard; limits?: Partial<HttpLimits> }) {
    this.name = opts.name;
    this.log = opts.log;
    this.health = opts.health ?? healthBoard;
    this.limits = { ...DEFAULT_HTTP_LIMITS, ...opts.limits };
  }

  /** Serves `method path` with `handler`. Paths are exact; /healthz is the listener's own. */
  route(method: string, path: string, handler: RouteHandler, opts: { maxBodyBytes?: number } = {}): this {
    const m = method.toUpperCase();
    if (!path.startsWith('/')) throw new Error(`route path must start with "/": ${path}`);
    if (path === HEALTH_PATH) throw new Error(`${HEALTH_PATH} is served by the listener itself`);
    const byMethod = this.routes.get(path) ?? new Map<string, Route>();
    if (byMethod.has(m)) throw new Error(`route ${m} ${path} is already mounted on ${this.name}`);
    byMethod.set(m, { handler, maxBodyBytes: opts.maxBodyBytes ?? this.limits.maxBodyBytes });
    this.routes.set(path, byMethod);
    return this;
  }

  /** Takes a route off again (an adapter stopping while the shared listener stays up). */
  unroute(method: string, path: string): void {
    const byMethod = this.routes.get(path);
    byMethod?.delete(method.toUpperCase());
    if (byMethod?.size === 0) this.routes.delete(path);
  }

  async listen(port: number, host?: string): Promise<number> {
    const { limits } = this;
    const server = createServer({ connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs), requestTimeout: limits.requestTimeoutMs, headersTimeout: limits.headersTimeoutMs }, (req, res) => {
      this.serve(req, res).catch((err: unknown) => this.crashed(err, req, res));
    });
    // With this listener Node no longer sends `100 Continue` by itself: serve() sends it only
    // once the route and the declared size are accepted, so a refused client never sends its body.
    server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => server.emit('request', req, res));
    server.timeout = limits.idleTimeoutMs; // idle sockets are destroyed (no 'timeout' listener)
    server.keepAliveTimeout = Math.min(5_000, limits.idleTimeoutMs);
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
      this.log.debug({ code: err.code, listener: this.name }, 'http client error');
      try {
        answerClientError(err, socket);
      } catch {
        socket.destroy();
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) => this.log.error({ err, listener: this.name }, 'http listener error'));
    this.server = server;
    return this.port!;
  }

  /** The port actually listened on (tests listen on port 0). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', (err) => this.log.debug({ err, listener: this.name }, 'http response failed'));
    req.on('error', () => {}); // a client hanging up mid-body is routine; readBody reports it
    const method = (req.method ?? '').toUpperCase();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return refuse(req, res, 400, 'bad request');
    }
    const path = url.pathname;
    if (path === HEALTH_PATH) {
      if (method !== 'GET' && method !== 'HEAD') return refuse(req, res, 405, 'method not allowed', { allow: 'GET, HEAD' });
      return answer(req, res, { status: 200, headers: { 'cache-control': 'no-store' }, json: { ok: this.health.ok(), platforms: this.health.snapshot() } });
    }
    const byMethod = this.routes.get(path);
    if (!byMethod) return refuse(req, res, 404, 'not found');
    const route = byMethod.get(method);
    if (!route) return refuse(req, res, 405, 'method not allowed', { allow: [...byMethod.keys()].join(', ') });
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > route.maxBodyBytes) return refuse(req, res, 413, `body too large (limit ${route.maxBodyBytes} bytes)`);
    if (/^100-continue$/i.test(String(req.headers.expect ?? ''))) res.writeContinue();
    const read = await readBody(req, route.maxBodyBytes, this.limits.requestTimeoutMs);
    if (read.kind === 'too-large') return refuse(req, res, 413, `body too large (limit ${route.maxBodyBytes} bytes)`);
    if (read.kind === 'timeout') return refuse(req, res, 408, 'request timeout');
    if (read.kind === 'aborted') return void res.destroy();
    const raw = Object.assign(req, { rawBody: read.body });
    const ctx: RouteRequest = { method, path, query: url.searchParams, headers: req.headers, body: read.body, raw, res };
    const reply = await this.withinTime(Promise.resolve(route.handler(ctx)), req, res);
    if (reply) answer(req, res, reply);
  }

  /** The handler's answer, or undefined when it took the response over or ran out of time (503 sent). */
  private withinTime(work: Promise<RouteAnswer | undefined | void>, req: IncomingMessage, res: ServerResponse): Promise<RouteAnswer | undefined> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.log.warn({ listener: this.name, method: req.method, path: req.url?.split('?')[0] }, 'http handler too slow; answered 503');
        lastResort(res, () => !res.headersSent && refuse(req, res, 503, 'busy, try again later'));
        resolve(undefined);
      }, this.limits.handlerTimeoutMs);
      work.then(
        (a) => (clearTimeout(timer), resolve(res.headersSent || res.writableEnded ? undefined : (a ?? undefined))),
        (err: unknown) => (clearTimeout(timer), reject(err)),
      );
    });
  }

  private crashed(err: unknown, req: IncomingMessage, res: ServerResponse): void {
    this.log.error({ err, listener: this.name, method: req.method, path: req.url?.split('?')[0] }, 'http handler failed');
    lastResort(res, () => (res.headersSent ? res.destroy() : refuse(req, res, 500, 'internal error')));
  }
}
