import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// WeCom's HTTP side as the bot calls it, on loopback: callbacks' response_url
// (`/cgi-bin/aibot/response?response_code=…`) and group robots (`/cgi-bin/webhook/send?key=…`).
// Each answers `{ errcode, errmsg }` like WeCom does.

export interface Call {
  path: string;
  query: URLSearchParams;
  body: any;
}

export class WecomHttpStandIn {
  readonly calls: Call[] = [];
  /** errcode for the next call (then back to 0). */
  nextErrcode = 0;
  private server?: Server;

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        this.calls.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') });
        const errcode = this.nextErrcode;
        this.nextErrcode = 0;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode, errmsg: errcode ? 'api freq out of limit' : 'ok' }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
