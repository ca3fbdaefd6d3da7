import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

// What a route sees and answers, and the limits every guarded listener enforces (guarded-http.ts).

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
