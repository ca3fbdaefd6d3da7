import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPReceiver, type App, type Receiver } from '@slack/bolt';
import type { Logger } from '@slack/bolt';

/** Clocks drift; a timestamp this far ahead of ours is still believed. */
const SKEW_SEC = 30;

/**
 * Bolt's HTTPReceiver behind one more check. Bolt verifies the v0 signature
 * (HMAC-SHA256 of `v0:{timestamp}:{raw body}`, compared in constant time) and refuses
 * timestamps more than 5 minutes old, but it lets a timestamp from the future through:
 * a request signed ahead of time could be replayed for as long as that future lasts.
 * This receiver refuses those with 401 before Bolt sees them.
 */
export class GuardedHttpReceiver implements Receiver {
  readonly inner: HTTPReceiver;
  private server?: Server;

  constructor(opts: { signingSecret: string; port: number; logger: Logger }) {
    this.inner = new HTTPReceiver({
      signingSecret: opts.signingSecret,
      signatureVerification: true, // never off: it is what keeps forged requests out
      processBeforeResponse: false, // ack first (Slack wants an answer within 3 s), then work
      port: opts.port,
      logger: opts.logger,
    });
    this.port = opts.port;
  }

  private readonly port: number;

  init(app: App): void {
    this.inner.init(app);
  }

  /** The request's timestamp is in the future (beyond clock skew). Missing or malformed ones Bolt refuses. */
  static fromTheFuture(req: IncomingMessage, nowMs = Date.now()): boolean {
    const ts = Number(req.headers['x-slack-request-timestamp']);
    return Number.isFinite(ts) && ts > nowMs / 1000 + SKEW_SEC;
  }

  private listener = (req: IncomingMessage, res: ServerResponse) => {
    if (GuardedHttpReceiver.fromTheFuture(req)) {
      req.resume();
      res.writeHead(401).end();
      return;
    }
    this.inner.requestListener(req, res);
  };

  async start(port: number = this.port): Promise<Server> {
    const server = createServer(this.listener);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve());
    });
    this.server = server;
    return server;
  }

  /** The port actually listened on (tests start on port 0). */
  get boundPort(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
