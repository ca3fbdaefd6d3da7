import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for Slack: its Web API (auth.test, chat.postMessage, chat.update,
// chat.postEphemeral, conversations.open, the two-step file upload) and response_url endpoints, on 127.0.0.1.
// It records every call so tests can look at exactly what the adapter sent.

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
}

interface Failure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseArgs(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) return JSON.parse(raw || '{}');
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The WebClient sends nested values (blocks) as JSON strings in a form body.
    args[k] = (v.startsWith('[') || v.startsWith('{')) && k !== 'text' ? JSON.parse(v) : v;
  }
  return args;
}

export class SlackStandIn {
  readonly calls: ApiCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  /** Where Socket Mode clients are sent by apps.connections.open. */
  socketUrl?: string;
  /** Methods the stand-in failed on purpose (failNext), in order. */
  readonly failed: string[] = [];
  /** Messages chat.postMessage accepted, oldest first. */
  readonly posted: { channel: string; ts: string; text: unknown; thread_ts?: unknown; metadata?: unknown }[] = [];
  /** Bytes POSTed to each upload_url the stand-in handed out, by file id. */
  readonly uploads = new Map<string, Buffer>();
  private readonly failures = new Map<string, Failure[]>();
  private server?: Server;
  private seq = 0;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }
  get apiUrl(): string {
    return `${this.url}/api/`;
  }
  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** The next call(s) of `method` fail this way, in order. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const bytes = await readBody(req);
      const raw = bytes.toString('utf8');
      const path = req.url ?? '';
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      };
      if (path.startsWith('/response/')) {
        this.responses.push({ path, body: JSON.parse(raw) });
        return send(200, { ok: true });
      }
      if (path.startsWith('/upload/')) {
        const id = path.slice('/upload/'.length);
        const failure = this.failures.get('upload')?.shift();
        if (failure) return void res.writeHead(failure.status).end('upload failed');
        this.uploads.set(id, bytes);
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
      }
      const method = path.replace(/^\/api\//, '');
      const failure = this.failures.get(method)?.shift();
      if (failure) this.failed.push(method);
      if (failure) return send(failure.status, failure.body ?? { ok: false }, failure.headers);
      const args = parseArgs(raw, req.headers['content-type']);
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      this.calls.push({ method, args, ...(token ? { token } : {}) });
      const ts = () => `1764210600.${String(++this.seq).padStart(6, '0')}`;
      switch (method) {
        case 'auth.test':
          return send(200, { ok: true, url: 'https://ops.slack.com/', team: 'Ops', user: 'opsbot', team_id: 'T0OPS', user_id: 'UBOT', bot_id: 'BBOT' });
        case 'chat.postMessage': {
          const message = { ts: ts(), text: args.text, ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}), ...(args.metadata ? { metadata: args.metadata } : {}) };
          this.posted.push({ channel: String(args.channel), ...message });
          return send(200, { ok: true, channel: args.channel, ts: message.ts, message });
        }
        case 'conversations.history':
        case 'conversations.replies': {
          // Metadata only comes back when asked for, as on Slack.
          const messages = this.posted
            .filter((m) => m.channel === args.channel && (method === 'conversations.history' ? !m.thread_ts : m.thread_ts === args.ts))
            .reverse()
            .map(({ channel: _c, metadata, ...m }) => ({ ...m, ...(args.include_all_metadata && metadata ? { metadata } : {}) }));
          return send(200, { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } });
        }
        case 'files.getUploadURLExternal': {
          const id = `F${String(++this.seq).padStart(6, '0')}`;
          return send(200, { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id });
        }
        case 'files.completeUploadExternal': {
          const files = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as { id: string; title?: string }[];
          return send(200, { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) });
        }
        case 'chat.update':
          return send(200, { ok: true, channel: args.channel, ts: args.ts, text: args.text });
        case 'chat.postEphemeral':
          return send(200, { ok: true, message_ts: ts() });
        case 'apps.connections.open':
          return send(200, this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'socket_mode_not_enabled' });
        case 'conversations.open':
          return send(200, { ok: true, channel: { id: `D${String(args.users).slice(1)}` } });
        default:
          return send(200, { ok: false, error: 'unknown_method' });
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Headers Slack would send with `body`, signed with `secret` at `ts` (seconds). */
export function slackSignature(secret: string, ts: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  port: number;
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  secret: string;
  /** Request timestamp in seconds; now by default. */
  ts?: number;
  headers?: Record<string, string>;
  /** Sign one body, send another. */
  sendBody?: string;
  omit?: ('x-slack-signature' | 'x-slack-request-timestamp')[];
}

/** POSTs to the adapter's /slack/events exactly as Slack would. */
export async function postSigned(p: SignedPost): Promise<{ status: number; text: string }> {
  const ts = p.ts ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': p.contentType,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': slackSignature(p.secret, ts, p.body),
    ...p.headers,
  };
  for (const h of p.omit ?? []) delete headers[h];
  const res = await fetch(`http://127.0.0.1:${p.port}/slack/events`, { method: 'POST', headers, body: p.sendBody ?? p.body });
  return { status: res.status, text: await res.text() };
}
