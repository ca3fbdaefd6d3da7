import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

// A loopback stand-in of WeCom's smart-bot long-connection gateway, written from the
// 智能机器人长连接 documentation: frames are `{ cmd, headers: { req_id }, body }`; the bot
// subscribes with `aibot_subscribe { bot_id, secret }`, pings with `ping`, answers with
// `aibot_respond_msg` / `aibot_respond_update_msg` on the callback's req_id, pushes with
// `aibot_send_msg { chatid, msgtype, … }`; every request is acknowledged with
// `{ headers: { req_id }, errcode, errmsg }`. A newer connection for the same bot gets the old
// one a `disconnected_event` before it is closed.

export interface Frame {
  cmd?: string;
  headers: { req_id: string };
  body?: any;
}

export class WecomGateway {
  readonly received: Frame[] = [];
  subscribes = 0;
  connections = 0;
  /** The errcode the next aibot_send_msg is acknowledged with (then back to 0). */
  nextSendErrcode = 0;
  private server?: WebSocketServer;
  private sockets: WebSocket[] = [];
  private seq = 0;

  constructor(private readonly bot = { id: 'aibSTOREOPS', secret: 'sekret' }) {}

  async listen(): Promise<string> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => this.server!.once('listening', () => r()));
    this.server.on('connection', (ws) => {
      this.connections++;
      this.sockets.push(ws);
      ws.on('message', (data) => this.onFrame(ws, JSON.parse(String(data)) as Frame));
      ws.on('close', () => (this.sockets = this.sockets.filter((s) => s !== ws)));
    });
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private onFrame(ws: WebSocket, f: Frame): void {
    this.received.push(f);
    const ack = (errcode: number, errmsg = errcode ? 'error' : 'ok', body?: unknown) => ws.send(JSON.stringify({ headers: { req_id: f.headers.req_id }, errcode, errmsg, ...(body ? { body } : {}) }));
    if (f.cmd === 'aibot_subscribe') {
      this.subscribes++;
      const ok = f.body?.bot_id === this.bot.id && f.body?.secret === this.bot.secret;
      return ack(ok ? 0 : 40058, ok ? 'ok' : 'invalid bot_id or secret');
    }
    if (f.cmd === 'aibot_send_msg') {
      const code = this.nextSendErrcode;
      this.nextSendErrcode = 0;
      return ack(code, code ? 'api freq out of limit' : 'ok', code ? undefined : { msgid: `sent-${++this.seq}` });
    }
    if (f.cmd === 'ping' || f.cmd?.startsWith('aibot_respond')) return ack(0);
  }

  /** Frames the bot sent with this cmd. */
  sent(cmd: string): Frame[] {
    return this.received.filter((f) => f.cmd === cmd);
  }

  private push(frame: Frame): string {
    const open = this.sockets.at(-1);
    if (!open) throw new Error('no bot connected to the gateway');
    open.send(JSON.stringify(frame));
    return frame.headers.req_id;
  }

  /** A message callback; returns its req_id. */
  message(body: Record<string, unknown>): string {
    return this.push({ cmd: 'aibot_msg_callback', headers: { req_id: `req-${++this.seq}` }, body });
  }

  event(body: Record<string, unknown>): string {
    return this.push({ cmd: 'aibot_event_callback', headers: { req_id: `evt-${++this.seq}` }, body });
  }

  /** The network drops: every connection is cut without a close frame. */
  drop(): void {
    for (const s of this.sockets) s.terminate();
  }

  /** Another process logged in with the same bot: the old connection is told, then closed. */
  replace(): void {
    const old = this.sockets.at(-1);
    if (!old) return;
    old.send(JSON.stringify({ cmd: 'aibot_event_callback', headers: { req_id: `evt-${++this.seq}` }, body: { msgid: `disc-${this.seq}`, create_time: 1764210000, aibotid: this.bot.id, from: { userid: '' }, msgtype: 'event', event: { eventtype: 'disconnected_event' } } }));
    setTimeout(() => old.close(), 5);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

/** A text message body as WeCom sends it (recorded shape from the 接收消息 documentation). */
export function textBody(msgid: string, text: string, opts: { user?: string; group?: string } = {}): Record<string, unknown> {
  return {
    msgid,
    aibotid: 'aibSTOREOPS',
    ...(opts.group ? { chatid: opts.group } : {}),
    chattype: opts.group ? 'group' : 'single',
    from: { userid: opts.user ?? 'zhangsan' },
    create_time: 1764210000,
    response_url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC',
    msgtype: 'text',
    text: { content: opts.group ? `@StoreOps ${text}` : text },
  };
}

export function pressBody(msgid: string, key: string, taskId: string, opts: { user: string; group?: string }): Record<string, unknown> {
  return {
    msgid,
    create_time: 1764210060,
    aibotid: 'aibSTOREOPS',
    ...(opts.group ? { chatid: opts.group } : {}),
    chattype: opts.group ? 'group' : 'single',
    from: { userid: opts.user },
    msgtype: 'event',
    event: { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: key, task_id: taskId } },
  };
}
