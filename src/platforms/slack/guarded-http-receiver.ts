import type { IncomingMessage } from 'node:http';
import { HTTPReceiver, type App, type Receiver } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../domain/log.ts';
import type { HttpLimits, RouteHandler } from '../../adapters/http/guarded-http.ts';
import { healthBoard, type HealthBoard } from '../../adapters/http/health-board.ts';
import { listenerPool, type ListenerLease } from '../../adapters/http/listener-pool.ts';

/** Clocks drift; a timestamp this far ahead of ours is still believed. */
const SKEW_SEC = 30;
/** Where Slack posts events, slash commands and button presses (Bolt's default endpoint). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Bolt's HTTPReceiver behind the guarded listener (src/adapters/http). The listener answers
 * every other path and method with 404/405, caps the body, times out slow clients and serves
 * /healthz; Bolt alone would throw HTTPReceiverDeferredRequestError on a stray GET and stop the
 * process. Bolt then verifies the v0 signature (HMAC-SHA256 of `v0:{timestamp}:{raw body}`,
 * constant time) over the body the listener read, and refuses timestamps over 5 minutes old.
 * It lets a timestamp from the future through: a request signed ahead of time could be replayed
 * for as long as that future lasts, so this receiver refuses those with 401 first.
 */
export class GuardedHttpReceiver implements Receiver {
  readonly inner: HTTPReceiver;
  private readonly port: number;
  private readonly host: string | undefined;
  private readonly health: HealthBoard;
  private readonly log: Logger;
  private readonly limits: Partial<HttpLimits> | undefined;
  private lease?: ListenerLease;

  constructor(opts: { signingSecret: string; port: number; host?: string; logger: SlackLogger; log?: Logger; limits?: Partial<HttpLimits>; health?: HealthBoard }) {
    this.inner = new HTTPReceiver({
      signingSecret: opts.signingSecret,
      signatureVerification: true, // never off: it is what keeps forged requests out
      processBeforeResponse: false, // ack first (Slack wants an answer within 3 s), then work
      endpoints: [SLACK_EVENTS_PATH],
      port: opts.port,
      logger: opts.logger,
    });
    this.port = opts.port;
    this.host = opts.host;
    this.health = opts.health ?? healthBoard;
    const b = opts.logger;
    const log = opts.log ?? { debug: (o: unknown, m?: string) => b.debug(m ?? '', o), info: (o: unknown, m?: string) => b.info(m ?? '', o), warn: (o: unknown, m?: string) => b.warn(m ?? '', o), error: (o: unknown, m?: string) => b.error(m ?? '', o) };
    this.log = log;
    this.limits = opts.limits;
  }

  private readonly onEvent: RouteHandler = (req) => {
    if (GuardedHttpReceiver.fromTheFuture(req.raw)) return { status: 401, text: '' };
    // Bolt reads `rawBody` when it is there instead of the (already consumed) stream.
    this.inner.requestListener(req.raw, req.res);
    return undefined; // Bolt answers (ack, 401, 400) on the response itself
  };

  init(app: App): void {
    this.inner.init(app);
  }

  /** The request's timestamp is in the future (beyond clock skew). Missing or malformed ones Bolt refuses. */
  static fromTheFuture(req: IncomingMessage, nowMs = Date.now()): boolean {
    const ts = Number(req.headers['x-slack-request-timestamp']);
    return Number.isFinite(ts) && ts > nowMs / 1000 + SKEW_SEC;
  }

  /** Listens on `port`, sharing it with other adapters configured on the same one. */
  async start(port: number = this.port): Promise<number> {
    const lease = await listenerPool.acquire({ port, host: this.host, log: this.log, limits: this.limits, health: this.health });
    try {
      lease.http.route('POST', SLACK_EVENTS_PATH, this.onEvent);
    } catch (err) {
      await lease.release();
      throw err;
    }
    this.lease = lease;
    this.health.set('slack', 'online');
    return lease.port;
  }

  /** The port actually listened on (tests start on port 0). */
  get boundPort(): number | undefined {
    return this.lease?.port;
  }

  async stop(): Promise<void> {
    const lease = this.lease;
    this.lease = undefined;
    if (lease) {
      lease.http.unroute('POST', SLACK_EVENTS_PATH);
      await lease.release();
    }
    this.health.set('slack', 'stopped');
  }
}
