import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, UserFromGetMe } from 'grammy/types';

// A local stand-in for the Telegram Bot API (POST /bot<token>/<method>), enough for
// grammY: it records every call, serves queued updates to getUpdates (long polling),
// answers sends (text and photos, multipart) with message ids, and can be told to fail the next call of a method.

export const BOT_INFO: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: 'Store Ops',
  username: 'StoreOpsBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface Call {
  method: string;
  payload: Record<string, any>;
}

interface Failure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).once('end', () => resolve(Buffer.concat(chunks))).once('error', reject);
  });

/** A call's parameters: JSON, or multipart (grammY's way with files), whose files land in `files`. */
function parsePayload(raw: Buffer, type = ''): Record<string, any> {
  const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
  if (!type.startsWith('multipart/form-data') || !boundary) return raw.length ? JSON.parse(raw.toString('utf8')) : {};
  const payload: Record<string, any> = { files: [] };
  const sep = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(sep);
  while (at >= 0) {
    const next = raw.indexOf(sep, at + sep.length);
    if (next < 0) break;
    const part = raw.subarray(at + sep.length + 2, next - 2); // past the CRLF after the boundary, before the CRLF ahead of the next
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const bytes = part.subarray(split + 4);
    const name = /;name="?([^";\r\n]*)"?/.exec(head)?.[1] ?? '';
    const filename = /filename="?([^";\r\n]*)"?/.exec(head)?.[1]; // grammY leaves it unquoted
    if (filename !== undefined) payload.files.push({ field: name, filename, bytes: Buffer.from(bytes) });
    else {
      const value = bytes.toString('utf8');
      payload[name] = /^[[{]/.test(value) ? JSON.parse(value) : /^-?\d+$/.test(value) ? Number(value) : value;
    }
    at = next;
  }
  return payload;
}

export class BotApiStandIn {
  readonly calls: Call[] = [];
  private readonly updates: Update[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private waiters: (() => void)[] = [];
  private server?: Server;
  private nextMessageId = 500;

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Queues an update for getUpdates (Telegram would deliver it to the bot). */
  push(...updates: Update[]): void {
    this.updates.push(...updates);
    this.wake();
  }

  /** The next call(s) of `method` fail with this Bot API error. */
  fail(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
  }

  callsOf(method: string): Record<string, any>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.payload);
  }

  /** Resolves once `count` calls of `method` have arrived. */
  async waitFor(method: string, count = 1): Promise<Record<string, any>[]> {
    while (this.callsOf(method).length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.callsOf(method);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }

  private async serve(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const payload = parsePayload(await body(req), req.headers['content-type']);
    const send = (json: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    if (!m) return void send({ ok: false, error_code: 404, description: 'Not Found' }, 404);
    const method = m[2];
    if (method !== 'getUpdates') this.calls.push({ method, payload });
    const failure = this.failures.get(method)?.shift();
    this.wake();
    if (failure) return void send({ ok: false, ...failure }, failure.error_code);
    send({ ok: true, result: await this.result(method, payload) });
  }

  private async result(method: string, p: Record<string, any>): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return BOT_INFO;
      case 'getUpdates': {
        const pending = () => this.updates.filter((u) => u.update_id >= (p.offset ?? 0));
        // Long polling: hold the request until an update arrives (or the stand-in closes).
        if (pending().length === 0 && (p.timeout ?? 0) > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
        return pending().slice(0, p.limit ?? 100);
      }
      case 'sendPhoto':
        return { message_id: ++this.nextMessageId, date: 1795000000, chat: { id: p.chat_id, type: 'supergroup', title: 'Ops' }, from: BOT_INFO, photo: [{ file_id: 'AgAD', file_unique_id: 'AQAD', width: 1440, height: 560 }], caption: p.caption };
      case 'sendMessage':
      case 'editMessageText':
        return {
          message_id: method === 'sendMessage' ? ++this.nextMessageId : p.message_id,
          date: 1795000000,
          chat: { id: p.chat_id, type: typeof p.chat_id === 'number' && p.chat_id > 0 ? 'private' : 'supergroup', title: 'Ops' },
          from: BOT_INFO,
          text: p.text,
        };
      default:
        return true;
    }
  }
}
