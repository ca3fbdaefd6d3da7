import { WSAuthFailureError, WSClient, WSReconnectExhaustedError, type Logger as SdkLogger, type SendMsgBody, type WsFrame } from '@wecom/aibot-node-sdk';
import type { Logger } from '../../domain/log.ts';
import { SendError } from '../../chat/chat-adapter.ts';

// The long connection (智能机器人长连接) through the official SDK: it opens the WebSocket,
// authenticates with the bot id and secret (aibot_subscribe), pings every 30 s and reconnects
// with exponential backoff capped at 30 s. This class adds the lines an operator reads — online,
// reconnecting, replaced by another instance (the SDK then stops retrying) — and maps failures
// to the outbox's terms. `wsUrl` points it at a stand-in gateway in tests.

export interface LongConnectionOptions {
  botId: string;
  secret: string;
  wsUrl?: string;
  log: Logger;
  heartbeatMs?: number;
  reconnectBaseMs?: number;
  /** How long `start` waits for the first login before going on in the background. */
  startWaitMs?: number;
}

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'replaced' | 'failed' | 'stopped';

const sdkLogger = (log: Logger): SdkLogger => ({
  debug: (message, ...args) => log.debug({ sdk: 'wecom', args }, message),
  info: (message, ...args) => log.debug({ sdk: 'wecom', args }, message),
  warn: (message, ...args) => log.debug({ sdk: 'wecom', args }, message),
  error: (message, ...args) => log.debug({ sdk: 'wecom', args }, message),
});

export class LongConnection {
  readonly client: WSClient;
  state: ConnectionState = 'connecting';
  private logins = 0;

  constructor(private readonly opts: LongConnectionOptions) {
    this.client = new WSClient({
      botId: opts.botId,
      secret: opts.secret,
      ...(opts.wsUrl ? { wsUrl: opts.wsUrl } : {}),
      heartbeatInterval: opts.heartbeatMs ?? 30_000,
      reconnectInterval: opts.reconnectBaseMs ?? 1000,
      maxReconnectAttempts: -1,
      maxAuthFailureAttempts: 5,
      logger: sdkLogger(opts.log),
    });
  }

  /** Connects and waits for the first login; a refused bot id or secret rejects with WeCom's words. */
  start(): Promise<void> {
    const { client, opts } = this;
    const log = opts.log;
    client.on('authenticated', () => {
      this.logins++;
      this.state = 'online';
      log.info({ platform: 'wecom', mode: 'long-connection', login: this.logins }, this.logins === 1 ? 'wecom smart bot online (long connection)' : 'wecom smart bot back online (long connection)');
    });
    client.on('reconnecting', (attempt) => {
      if (this.state === 'replaced' || this.state === 'stopped') return;
      this.state = 'reconnecting';
      log.warn({ platform: 'wecom', attempt }, 'wecom connection lost; reconnecting with backoff (at most 30 s apart)');
    });
    client.on('event.disconnected_event', () => {
      this.state = 'replaced';
      log.error({ platform: 'wecom' }, 'wecom connection replaced: another process connected with this bot id, so WeCom closed this one; not reconnecting (stop the other instance, or give each its own smart bot)');
    });
    client.on('error', (err) => {
      if (err instanceof WSAuthFailureError || err instanceof WSReconnectExhaustedError) {
        this.state = 'failed';
        log.error({ platform: 'wecom', err: err.message }, 'wecom long connection gave up');
      } else log.debug({ platform: 'wecom', err: err.message }, 'wecom connection error');
    });
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        log.warn({ platform: 'wecom' }, 'wecom not online yet; still trying in the background');
        done();
        resolve();
      }, opts.startWaitMs ?? 15_000);
      const onAuth = () => {
        done();
        resolve();
      };
      const onError = (err: Error) => {
        if (!/Authentication failed/.test(err.message)) return;
        done();
        this.stop();
        this.state = 'failed';
        reject(new Error(`WeCom refused WECOM_BOT_ID / WECOM_BOT_SECRET: ${err.message}`));
      };
      const done = () => {
        clearTimeout(timer);
        client.off('authenticated', onAuth);
        client.off('error', onError);
      };
      client.on('authenticated', onAuth);
      client.on('error', onError);
      client.connect();
    });
  }

  stop(): void {
    if (this.state !== 'stopped' && this.state !== 'replaced') this.client.disconnect();
    this.state = 'stopped';
  }

  get online(): boolean {
    return this.state === 'online' && this.client.isConnected;
  }

  /** Pushes a message to a group chat id or a user id; returns the gateway's acknowledgement. */
  async push(chatid: string, body: SendMsgBody): Promise<WsFrame> {
    if (!this.online) throw new SendError('transient', `wecom long connection is ${this.state}`);
    try {
      return await this.client.sendMessage(chatid, body);
    } catch (err) {
      throw toSendError(err);
    }
  }
}

/** The SDK rejects with the gateway's frame (`errcode`) or an Error (not connected, timeout, closed). */
export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (err && typeof err === 'object' && 'errcode' in err) {
    const { errcode, errmsg } = err as { errcode: number; errmsg?: string };
    const what = `wecom: ${errcode} ${errmsg ?? ''}`.trim();
    if (errcode === 45009 || errcode === 45033) return new SendError('rate_limited', what, 60_000);
    if (errcode === -1) return new SendError('transient', what);
    return new SendError('permanent', what);
  }
  const message = err instanceof Error ? err.message : String(err);
  // Never sent: nothing reached WeCom. A timeout or a close after sending may hide an accepted message.
  if (/not connected/i.test(message)) return new SendError('transient', `wecom: ${message}`);
  return new SendError('ambiguous', `wecom: ${message}`);
}
