import { generateReqId, type WsFrame } from '@wecom/aibot-node-sdk';
import type { Reply } from '../../chat/reply.ts';
import type { Logger } from '../../domain/log.ts';
import type { DocStore } from '../../domain/ports.ts';
import type { HealthBoard } from '../../adapters/http/health-board.ts';
import { listenerPool, type ListenerLease } from '../../adapters/http/listener-pool.ts';
import { SendError, type ChatAdapter, type IncomingHandler, type Sent, type Target } from '../../chat/chat-adapter.ts';
import { decided, outgoingOf, stampOf, WELCOME } from './wecom-answers.ts';
import { mountCallback } from './wecom-callback.ts';
import type { WecomCrypto } from './wecom-crypto.ts';
import { placeOf } from './wecom-ids.ts';
import { pressIncoming, toIncoming } from './wecom-incoming.ts';
import { LongConnection, type LongConnectionOptions } from './wecom-long-connection.ts';
import { PUSH_BYTES } from './wecom-render.ts';
import { ResponseUrls } from './wecom-response-url.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';
import { DocSeenBefore } from '../../adapters/store/doc-seen-before.ts';
import type { GroupRobots } from './wecom-webhook.ts';

export interface WecomOptions {
  /** Long-connection mode (bot id and secret). */
  longConnection?: Omit<LongConnectionOptions, 'log'>;
  /** Callback mode: the crypto from token + EncodingAESKey, and where to listen. */
  callback?: { crypto: WecomCrypto; port: number; host?: string; answerWithinMs?: number };
  /** Group robots, for speaking first in callback mode. */
  robots?: GroupRobots;
  docs: DocStore;
  /** Messages and presses already handled (by msgid); by default kept beside the adapter's other documents. */
  seen?: SeenBefore;
  log: Logger;
  timeZone: string;
  health?: HealthBoard;
  /** The store's clock, for the "decided at" stamp on a card (BOT_NOW fixes it). */
  now?: () => number;
}

/**
 * WeCom's official smart bot (智能机器人, API mode): long connection through @wecom/aibot-node-sdk
 * by default, callback mode on WECOM_BOT_PORT, or both. Messages are answered in place (a
 * streamed markdown reply, with a button card for choices); a press rewrites its card once
 * decided; the outbox pushes over the connection or through a room's group robot.
 */
export class WecomAdapter implements ChatAdapter {
  readonly platform = 'wecom' as const;
  /** Pushes ride the long connection that `start` opens, so a one-off `tick` leaves them queued. */
  readonly needsLiveSession: boolean;
  readonly connection?: LongConnection;
  private lease?: ListenerLease;
  private unmount?: () => void;
  private readonly seen: SeenBefore;
  private readonly now: () => number;

  constructor(private readonly opts: WecomOptions) {
    this.now = opts.now ?? Date.now;
    // WeCom repeats a callback it thinks was lost (a slow answer, a dropped connection), and a repeated
    // press must not decide twice: each msgid is handled once, marked before the handler runs.
    this.seen = opts.seen ?? new DocSeenBefore(opts.docs, 'wecom/seen');
    if (opts.longConnection) this.connection = new LongConnection({ ...opts.longConnection, log: opts.log });
    this.needsLiveSession = !!opts.longConnection;
  }

  async start(handler: IncomingHandler): Promise<void> {
    const { opts } = this;
    if (this.connection) {
      const client = this.connection.client;
      client.on('message', (frame) => void this.onMessage(frame, handler).catch((err: unknown) => opts.log.error({ err, platform: 'wecom' }, 'wecom message failed')));
      // WeCom takes a welcome only within 5 s of the event, on its req_id.
      client.on('event.enter_chat', (frame) => void client.replyWelcome(frame, { msgtype: 'text', text: { content: WELCOME } }).catch((err: unknown) => opts.log.debug({ err, platform: 'wecom' }, 'wecom welcome not sent')));
      client.on('event.template_card_event', (frame) => void this.onPress(frame, handler).catch((err: unknown) => opts.log.error({ err, platform: 'wecom' }, 'wecom button press failed')));
      const board = opts.health;
      board?.set('wecom', 'connecting');
      if (board) for (const [ev, st] of [['authenticated', 'online'], ['reconnecting', 'reconnecting'], ['event.disconnected_event', 'failed']] as const) client.on(ev, () => board.set('wecom', st));
      await this.connection.start();
    }
    if (opts.callback) {
      // Shared with Slack or Telegram when they are configured on the same port (one proxy in front).
      const lease = await listenerPool.acquire({ port: opts.callback.port, host: opts.callback.host, log: opts.log, health: opts.health });
      this.lease = lease;
      this.unmount = mountCallback(lease.http, handler, { crypto: opts.callback.crypto, seen: this.seen, responses: new ResponseUrls(opts.log), log: opts.log, timeZone: opts.timeZone, now: this.now, ...(opts.callback.answerWithinMs ? { answerWithinMs: opts.callback.answerWithinMs } : {}) });
      opts.health?.set('wecom', 'online');
      opts.log.info({ platform: 'wecom', mode: 'callback', port: lease.port, path: '/wecom/bot' }, 'wecom smart bot callback listening');
    }
  }

  /** The callback listener's port (tests listen on port 0). */
  get port(): number | undefined {
    return this.lease?.port;
  }

  async stop(): Promise<void> {
    this.connection?.stop();
    this.unmount?.();
    this.unmount = undefined;
    await this.lease?.release();
    this.lease = undefined;
  }

  private async onMessage(frame: WsFrame, handler: IncomingHandler): Promise<void> {
    const body = frame.body as { msgid?: string } | undefined;
    if (!body?.msgid || (await this.seen.seen(`msg:${body.msgid}`))) return;
    const incoming = toIncoming(body);
    if (!incoming) return;
    const reply = await handler(incoming);
    const out = outgoingOf(reply, incoming.conversation);
    const client = this.connection!.client;
    const streamId = generateReqId('stream');
    const [first, ...rest] = out.markdown;
    if (out.card) await client.replyStreamWithCard(frame, streamId, first, true, { templateCard: out.card });
    else await client.replyStream(frame, streamId, first, true);
    for (const more of rest) await this.connection!.push(chatOf(incoming.conversation)!, { msgtype: 'markdown', markdown: { content: more } });
  }

  private async onPress(frame: WsFrame, handler: IncomingHandler): Promise<void> {
    const press = pressIncoming(frame.body);
    if (!press || (await this.seen.seen(`msg:${press.body.msgid}`))) return;
    const reply = await handler(press.incoming);
    const userid = press.body.from.userid;
    const conversation = press.incoming.conversation;
    if (reply.ephemeral) {
      // Only the presser needs it (not allowed, already decided): a one-to-one message.
      for (const content of outgoingOf(reply, `wecom:dm:${userid}`, PUSH_BYTES).markdown) await this.connection!.push(userid, { msgtype: 'markdown', markdown: { content } });
      return;
    }
    if (reply.replaceOriginal && press.taskId) {
      // WeCom accepts the card update only within 5 s of the event, on the event's req_id.
      await this.connection!.client.updateTemplateCard(frame, decided(reply, press.taskId, userid, conversation, stampOf(this.now(), this.opts.timeZone)));
      return;
    }
    await this.pushReply(conversation, reply);
  }

  private async pushReply(conversation: string, reply: Reply): Promise<Sent> {
    const chat = chatOf(conversation);
    if (!chat) throw new SendError('permanent', `not a WeCom conversation: ${conversation}`);
    const out = outgoingOf(reply, conversation, PUSH_BYTES);
    let last: WsFrame | undefined;
    for (const content of out.markdown) last = await this.connection!.push(chat, { msgtype: 'markdown', markdown: { content } });
    if (out.card) last = await this.connection!.push(chat, { msgtype: 'template_card', template_card: out.card });
    return { messageId: String((last?.body as { msgid?: string } | undefined)?.msgid ?? last?.headers.req_id ?? '') };
  }

  /** Speaks first: over the long connection when online, else through the room's group robot. */
  async send(target: Target, reply: Reply): Promise<Sent> {
    const place = placeOf(target.conversation);
    if (!place) throw new SendError('permanent', `not a WeCom conversation: ${target.conversation}`);
    const robotKey = place.kind === 'hook' ? this.opts.robots?.keyFor(place.name) : place.kind === 'group' ? this.opts.robots?.keyFor(place.chatid) : undefined;
    if (place.kind !== 'hook' && this.connection && (this.connection.online || !robotKey)) {
      if (this.connection.state === 'replaced' || this.connection.state === 'failed' || this.connection.state === 'stopped') throw new SendError('permanent', `wecom long connection is ${this.connection.state}`);
      return this.pushReply(target.conversation, reply);
    }
    if (!robotKey) throw new SendError('permanent', place.kind === 'dm' ? 'wecom: one-to-one pushes need the long connection (WECOM_BOT_ID / WECOM_BOT_SECRET)' : `wecom: no group robot for ${target.conversation} (set WECOM_WEBHOOK_<NAME>=key)`);
    const messages = outgoingOf(reply, target.conversation, PUSH_BYTES, true).markdown;
    for (const content of messages) await this.opts.robots!.post(robotKey, content);
    return { messageId: `robot:${this.now()}` };
  }
}

/** The chat id a push goes to: a group's chat id, or the user id of a one-to-one chat. */
function chatOf(conversation: string): string | undefined {
  const p = placeOf(conversation);
  return p?.kind === 'group' ? p.chatid : p?.kind === 'dm' ? p.userid : undefined;
}
