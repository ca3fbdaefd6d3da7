import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RateLimit } from '../../../src/outbound/pacing.ts';
import { isGroup } from '../../../src/outbound/pacing.ts';

// A local stand-in of a chat platform's send API, on 127.0.0.1. It accepts
// POST /send {key, conversation, text}, counts acceptances by idempotency key,
// enforces rate limits the way Telegram does (429 + retry_after), and can be told
// to fail: `failNext(n, status)` answers the next n sends with that status.
// GET /sent?key=K answers {messageId} when K was accepted, else 404 (for `confirm`).

export interface StandIn {
  url: string;
  accepted: Map<string, number>;
  messageIds: Map<string, string>;
  /** Arrival times of accepted sends, in ms. */
  times: number[];
  tooMany: number;
  /** 429s earned by exceeding a limit, by the limit's scope. */
  tooManyBy: Record<string, number>;
  serverErrors: number;
  failNext(n: number, status: number, retryAfterS?: number): void;
  close(): Promise<void>;
}

export async function startStandIn(limits: RateLimit[] = []): Promise<StandIn> {
  const accepted = new Map<string, number>();
  const messageIds = new Map<string, string>();
  const times: number[] = [];
  const windows = new Map<string, number[]>();
  let failQueue: { status: number; retryAfterS?: number }[] = [];
  let next = 1;
  const state = { tooMany: 0, serverErrors: 0 };
  const tooManyBy: Record<string, number> = {};

  const limited = (conv: string, now: number): number => {
    // Milliseconds until allowed, 0 when the send fits every window.
    let wait = 0;
    for (const l of limits) {
      if (l.scope === 'group' && !isGroup(conv)) continue;
      const key = `${l.scope === 'platform' ? '*' : conv}|${l.count}/${l.perMs}`;
      const ts = (windows.get(key) ?? []).filter((t) => t > now - l.perMs);
      windows.set(key, ts);
      if (ts.length >= l.count) {
        wait = Math.max(wait, ts[ts.length - l.count] + l.perMs - now);
        tooManyBy[l.scope] = (tooManyBy[l.scope] ?? 0) + 1;
      }
    }
    return wait;
  };
  const book = (conv: string, now: number) => {
    for (const l of limits) {
      if (l.scope === 'group' && !isGroup(conv)) continue;
      const key = `${l.scope === 'platform' ? '*' : conv}|${l.count}/${l.perMs}`;
      windows.get(key)!.push(now);
    }
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/sent') {
      const id = messageIds.get(url.searchParams.get('key') ?? '');
      res.writeHead(id ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(id ? { messageId: id } : { error: 'not found' }));
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { key, conversation } = JSON.parse(body) as { key: string; conversation: string };
      const fail = failQueue.shift();
      if (fail) {
        if (fail.status === 429) state.tooMany++;
        else state.serverErrors++;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fail.retryAfterS !== undefined) headers['retry-after'] = String(fail.retryAfterS);
        res.writeHead(fail.status, headers).end(JSON.stringify({ ok: false, error_code: fail.status, parameters: fail.retryAfterS !== undefined ? { retry_after: fail.retryAfterS } : undefined }));
        return;
      }
      const now = performance.now();
      const wait = limited(conversation, now);
      if (wait > 0) {
        state.tooMany++;
        const s = Math.max(1, Math.ceil(wait / 1000));
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(s) }).end(JSON.stringify({ ok: false, error_code: 429, parameters: { retry_after: s } }));
        return;
      }
      book(conversation, now);
      times.push(now);
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      const id = messageIds.get(key) ?? `m${next++}`;
      messageIds.set(key, id);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, messageId: id }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    messageIds,
    times,
    tooManyBy,
    get tooMany() {
      return state.tooMany;
    },
    get serverErrors() {
      return state.serverErrors;
    },
    failNext(n, status, retryAfterS) {
      failQueue = [...failQueue, ...Array.from({ length: n }, () => ({ status, retryAfterS }))];
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
