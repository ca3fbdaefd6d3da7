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
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '../../domain/log.ts';
import { healthBoard, type HealthBoard } from './health-board.ts';
import { readBody } from './read-body.ts';

export interface HttpLimits {
  /** Largest request body accepted, in bytes (413 beyond). */
  maxBodyBytes: number;
  /** Time allowed to send the request headers (slowloris). */
  headersTimeoutMs: number;
  /** Time allowed to send the whole request, body included. */
  requestTimeoutMs: number;
  /** A connection with no traffic for this long is closed. */
  idleTimeoutMs: number;
  /** A handler that has not answered by then gets a 503 answer sent for it. */
  handlerTimeoutMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxBodyBytes: 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  handlerTimeoutMs: 15_000,
};

export interface RouteRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body bytes, exactly as sent (for signature checks). */
  body: Buffer;
  /** Node's request, body already consumed; `rawBody` is the same Buffer as `body`. */
  raw: IncomingMessage & { rawBody: Buffer };
  res: ServerResponse;
}

export interface RouteAnswer {
  status: number;
  headers?: Record<string, string>;
  /** One of: JSON (sent as application/json), plain text, or bytes. */
  json?: unknown;
  text?: string;
  body?: Buffer;
}

export type RouteHandler = (req: RouteRequest) => RouteAnswer | undefined | void | Promise<RouteAnswer | undefined | void>;

interface Route {
  handler: RouteHandler;
  maxBodyBytes: number;
}

const HEALTH_PATH = '/healthz';

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

  async listen(port: number, host?: string): Promise<number> {
    const { limits } = this;
    const server = createServer({ connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs), requestTimeout: limits.requestTimeoutMs, headersTimeout: limits.headersTimeoutMs }, (req, res) => {
      this.serve(req, res).catch((err: unknown) => this.crashed(err, req, res));
    });
    server.timeout = limits.idleTimeoutMs; // idle sockets are destroyed (no 'timeout' listener)
    server.keepAliveTimeout = Math.min(5_000, limits.idleTimeoutMs);
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => this.clientError(err, socket));
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
      return this.refuse(req, res, 400, 'bad request');
    }
    const path = url.pathname;
    if (path === HEALTH_PATH) {
      if (method !== 'GET' && method !== 'HEAD') return this.refuse(req, res, 405, 'method not allowed', { allow: 'GET, HEAD' });
      return this.answer(req, res, { status: 200, headers: { 'cache-control': 'no-store' }, json: { ok: this.health.ok(), platforms: this.health.snapshot() } });
    }
    const byMethod = this.routes.get(path);
    if (!byMethod) return this.refuse(req, res, 404, 'not found');
    const route = byMethod.get(method);
    if (!route) return this.refuse(req, res, 405, 'method not allowed', { allow: [...byMethod.keys()].join(', ') });
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > route.maxBodyBytes) return this.refuse(req, res, 413, `body too large (limit ${route.maxBodyBytes} bytes)`);
    const read = await readBody(req, route.maxBodyBytes, this.limits.requestTimeoutMs);
    if (read.kind === 'too-large') return this.refuse(req, res, 413, `body too large (limit ${route.maxBodyBytes} bytes)`);
    if (read.kind === 'timeout') return this.refuse(req, res, 408, 'request timeout');
    if (read.kind === 'aborted') return void res.destroy();
    const raw = Object.assign(req, { rawBody: read.body });
    const ctx: RouteRequest = { method, path, query: url.searchParams, headers: req.headers, body: read.body, raw, res };
    const answer = await this.withinTime(Promise.resolve(route.handler(ctx)), req, res);
    if (answer) this.answer(req, res, answer);
  }

  /** The handler's answer, or undefined when it took the response over or ran out of time (503 sent). */
  private withinTime(work: Promise<RouteAnswer | undefined | void>, req: IncomingMessage, res: ServerResponse): Promise<RouteAnswer | undefined> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.log.warn({ listener: this.name, method: req.method, path: req.url?.split('?')[0] }, 'http handler too slow; answered 503');
        if (!res.headersSent) this.refuse(req, res, 503, 'busy, try again later');
        resolve(undefined);
      }, this.limits.handlerTimeoutMs);
      work.then(
        (a) => (clearTimeout(timer), resolve(res.headersSent || res.writableEnded ? undefined : (a ?? undefined))),
        (err: unknown) => (clearTimeout(timer), reject(err)),
      );
    });
  }

  private answer(req: IncomingMessage, res: ServerResponse, a: RouteAnswer): void {
    if (res.headersSent || res.writableEnded) return;
    const headers: Record<string, string | number> = { ...a.headers };
    let payload: Buffer | undefined = a.body;
    if (a.json !== undefined) {
      payload = Buffer.from(JSON.stringify(a.json));
      headers['content-type'] ??= 'application/json; charset=utf-8';
    } else if (a.text !== undefined) {
      payload = Buffer.from(a.text);
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    }
    headers['content-length'] = payload?.length ?? 0;
    if (!req.complete) headers.connection = 'close';
    res.writeHead(a.status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  /** A plain-text refusal. When the body was not read, the connection closes soon after, so nobody streams on. */
  private refuse(req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
    const unread = !req.complete;
    this.answer(req, res, { status, text: `${text}\n`, headers });
    if (unread) res.once('finish', () => setTimeout(() => req.socket.destroy(), 1_000).unref());
  }

  private crashed(err: unknown, req: IncomingMessage, res: ServerResponse): void {
    this.log.error({ err, listener: this.name, method: req.method, path: req.url?.split('?')[0] }, 'http handler failed');
    if (!res.headersSent) this.refuse(req, res, 500, 'internal error');
    else res.destroy();
  }

  /** Bytes that are not HTTP, headers sent too slowly, oversized headers: answer if we still can, then close. */
  private clientError(err: NodeJS.ErrnoException, socket: Socket): void {
    this.log.debug({ code: err.code, listener: this.name }, 'http client error');
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) return void socket.destroy();
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    setTimeout(() => socket.destroy(), 1_000).unref();
  }
}
