import { FileBox } from 'file-box';
import qrcodeTerminal from 'qrcode-terminal';
import { types, type Contact, type Message, type Room, type Wechaty } from 'wechaty';
import type { Incoming } from '../../chat/incoming.ts';
import { detectLang } from '../../chat/lang.ts';
import type { Reply } from '../../chat/reply.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';
import { DocSeenBefore } from '../../adapters/store/doc-seen-before.ts';
import type { Logger } from '../../domain/log.ts';
import { systemClock, type Clock, type DocStore } from '../../domain/ports.ts';
import { SendError, type ChatAdapter, type IncomingHandler, type Sent, type Target } from '../../chat/chat-adapter.ts';
import { deliverCharts, type ChartDelivery, type DrawnChart } from '../../chat/chart-delivery.ts';
import { ChoiceBook, type ChoiceBookOptions } from './choice-book.ts';
import { ConversationBook } from './conversation-book.ts';
import { renderWechat } from './render-wechat.ts';
import { noSuchChoice, staleChoice, unknownChoice } from './wechat-replies.ts';
import { contactIdOf, parseConversation, wechatUser } from './wechat-ids.ts';
import { toIncoming } from './wechat-incoming.ts';
import { readMessage, timeout, withNames } from './wechat-message.ts';

export interface WechatAdapterOptions {
  wechaty: Wechaty;
  docs: DocStore;
  log: Logger;
  /** Room messages starting with this are for the bot even without an @mention. */
  prefix?: string;
  clock?: Clock;
  /** A send not finished by then may or may not have landed (default 20 s). */
  sendTimeoutMs?: number;
  choices?: ChoiceBookOptions;
  /** Shows the login QR code (default: drawn in the terminal). */
  showQr?: (qrcode: string) => void;
  /** Called after each incoming message is dealt with (tests wait on it). */
  observe?: (messageId: string, outcome: 'ignored' | 'answered' | 'silent' | 'failed') => void;
  /** Draws a reply's charts as images sent after the text; without it charts stay text. */
  charts?: ChartDelivery;
  /** Messages already handled; by default kept beside the adapter's other documents. */
  seen?: SeenBefore;
}

const MAX_AGE_S = 180;

/**
 * WeChat and WeCom through Wechaty. Rooms: answers @mentions and the prefix,
 * mentioning the asker back; DMs: answers everything. Choices are typed back
 * (`批准 #12`, or `1` right after the card) and arrive as Incoming actions.
 */
export class WechatAdapter implements ChatAdapter {
  readonly platform = 'wechat' as const;
  readonly needsLiveSession = true;
  readonly choices: ChoiceBook;
  readonly conversations: ConversationBook;
  private readonly bot: Wechaty;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly seen: SeenBefore;
  private sent = 0;

  constructor(private readonly opts: WechatAdapterOptions) {
    this.bot = opts.wechaty;
    this.log = opts.log;
    this.clock = opts.clock ?? systemClock;
    this.choices = new ChoiceBook(opts.docs, opts.choices);
    this.seen = opts.seen ?? new DocSeenBefore(opts.docs, 'wechat/seen', { clock: this.clock });
    this.conversations = new ConversationBook(opts.docs);
  }

  async start(handler: IncomingHandler): Promise<void> {
    const bot = this.bot;
    bot.on('scan', (qrcode, status) => {
      if (status !== types.ScanStatus.Waiting && status !== types.ScanStatus.Timeout) return void this.log.info({ status: types.ScanStatus[status] }, 'wechat: scan status');
      this.log.info({ qrcode: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}` }, 'wechat: scan the QR code with the WeChat/WeCom app to log in');
      (this.opts.showQr ?? ((q: string) => qrcodeTerminal.generate(q, { small: true })))(qrcode);
    });
    bot.on('login', (user) => this.log.info({ user: wechatUser(user.id), name: user.name() }, 'wechat: logged in'));
    bot.on('logout', (user, reason) => this.log.warn({ user: wechatUser(user.id), reason }, 'wechat: logged out'));
    bot.on('ready', () => this.log.info({}, 'wechat: ready (contacts and rooms loaded)'));
    // A puppet that cannot reach its server retries in a tight loop: log each distinct error once a minute.
    const lastLogged = new Map<string, number>();
    bot.on('error', (err) => {
      const t = Date.now();
      if (t - (lastLogged.get(err.message) ?? -Infinity) < 60_000) return;
      lastLogged.set(err.message, t);
      this.log.warn({ err: err.message }, 'wechat: puppet error');
    });
    bot.on('stop', () => this.log.info({}, 'wechat: stopped'));
    bot.on('message', (msg) => this.enqueue(msg, handler));
    // The puppet's watchdog resets a dead connection and reconnects; say so in the log.
    await bot.init();
    bot.puppet.on('reset', ({ data }) => this.log.warn({ reason: data }, 'wechat: connection lost, reconnecting'));
    await bot.start();
    this.log.info({ puppet: bot.puppet.name() }, 'wechat: started');
  }

  async stop(): Promise<void> {
    await Promise.all(this.chains.values());
    await this.bot.stop();
  }

  /** Resolves when every message received so far has been dealt with. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all(this.chains.values());
  }

  // One conversation's messages are handled in order; conversations don't wait for each other.
  private enqueue(msg: Message, handler: IncomingHandler) {
    const key = msg.room()?.id ?? msg.talker()?.id ?? '';
    const prev = this.chains.get(key) ?? Promise.resolve();
    const next = prev
      .then(() => this.onMessage(msg, handler))
      .then(
        (outcome) => this.opts.observe?.(msg.id, outcome),
        (err) => {
          this.log.error({ err, messageId: msg.id }, 'wechat: message failed');
          this.opts.observe?.(msg.id, 'failed');
        },
      );
    this.chains.set(key, next);
    void next.finally(() => this.chains.get(key) === next && this.chains.delete(key));
  }

  private async onMessage(msg: Message, handler: IncomingHandler): Promise<'ignored' | 'answered' | 'silent'> {
    if (msg.self()) return 'ignored';
    // Some puppets replay recent history after a reconnect; questions that old were answered, or given up on.
    if (msg.age() > MAX_AGE_S) return 'ignored';
    const raw = await readMessage(msg, this.bot.currentUser);
    const parsed = toIncoming(raw, this.opts.prefix ?? '/');
    // Only what is for the bot is remembered (a busy room's chatter is not written down); a replay of it is dropped, also after a restart.
    if (parsed.kind === 'ignore' || (await this.seen.seen(`message:${msg.id}`))) return 'ignored';
    const { incoming, addressed } = parsed;
    const now = this.clock.now();
    await this.conversations.seen(incoming.conversation, raw.room?.topic ?? raw.talker.name, now);
    const reply = await this.replyTo(incoming, addressed, now, handler);
    if (!reply) return 'silent';
    await this.answer(msg, incoming, reply);
    return 'answered';
  }

  private async replyTo(incoming: Incoming, addressed: boolean, now: Date, handler: IncomingHandler): Promise<Reply | undefined> {
    const r = await this.choices.resolve(incoming.text ?? '', incoming.conversation, incoming.user, now);
    if (!r) return addressed ? handler(incoming) : undefined;
    switch (r.kind) {
      case 'action': {
        const { text: _typed, ...rest } = incoming;
        return handler({ ...rest, action: r.action, lang: r.lang });
      }
      case 'stale':
        return staleChoice(r.lang, r.ref);
      case 'no_such_choice':
        return noSuchChoice(r.card);
      case 'unknown':
        // `见 #3` in passing is chatter; only someone talking to the bot hears about unknown references.
        return addressed ? unknownChoice(detectLang(incoming.text, 'zh'), r.ref) : undefined;
    }
  }

  /** Answers in the conversation the message came from; in a room, @mentioning the asker. */
  private async answer(msg: Message, incoming: Incoming, reply: Reply): Promise<void> {
    const room = msg.room();
    const people = [msg.talker(), ...(await this.contacts(reply.mentions, msg.talker().id))];
    const chunks = withNames(await this.renderFor(reply, incoming.conversation, !!room, incoming.user), people);
    for (const [i, chunk] of chunks.entries()) {
      if (room) await room.say(chunk, ...(i === 0 ? people : []));
      else await msg.talker().say(chunk);
    }
    await this.sendCharts(room ?? msg.talker(), reply);
  }

  /** The reply's charts as images after its text; one that fails is logged and the text stands. */
  private sendCharts(to: Room | Contact, reply: Reply): Promise<number> {
    const ms = this.opts.sendTimeoutMs ?? 20_000;
    return deliverCharts(reply, this.opts.charts, 'wechat', async (c) => void (await timeout(to.say(chartFile(c)), ms, 'sending a chart')));
  }

  private async renderFor(reply: Reply, conversation: string, inRoom: boolean, asker?: string): Promise<string[]> {
    const now = this.clock.now();
    const refs: string[] = [];
    for (const b of reply.blocks) if (b.type === 'choices') refs.push(await this.choices.add(b, conversation, reply.lang, now, asker));
    return renderWechat(reply, { room: inRoom, refs, numbers: !!asker, ...(asker ? { asker } : {}) });
  }

  private async contacts(users: string[] | undefined, except?: string): Promise<Contact[]> {
    const ids = [...new Set((users ?? []).map(contactIdOf).filter((id): id is string => !!id && id !== except))];
    const found = await Promise.all(ids.map((id) => this.bot.Contact.find({ id }).catch(() => undefined)));
    return found.filter((c): c is Contact => !!c);
  }

  async send(target: Target, reply: Reply): Promise<Sent> {
    const place = parseConversation(target.conversation);
    if (!place) throw new SendError('permanent', `not a WeChat conversation: ${target.conversation} (expected wechat:room:<id> or wechat:dm:<contactId>)`);
    // Pacing (1 message / 3 s per conversation, 20 a minute) is the outbound dispatcher's job.
    return this.deliver(place, target.conversation, reply);
  }

  private async deliver(place: { kind: 'room' | 'dm'; id: string }, conversation: string, reply: Reply): Promise<Sent> {
    const ms = this.opts.sendTimeoutMs ?? 20_000;
    if (!this.bot.isLoggedIn) throw new SendError('transient', 'WeChat is not logged in (scan the QR code); nothing was sent');
    let to: Room | Contact | undefined;
    try {
      to = await timeout<Room | Contact | undefined>(place.kind === 'room' ? this.bot.Room.find({ id: place.id }) : this.bot.Contact.find({ id: place.id }), ms, 'looking up the conversation');
    } catch (err) {
      throw new SendError('transient', `could not look up ${conversation}: ${(err as Error).message}; nothing was sent`);
    }
    if (!to) throw new SendError('permanent', `${conversation} is not known to this WeChat account (left the room, or not a contact)`);
    const inRoom = place.kind === 'room';
    const mentions = inRoom ? await this.contacts(reply.mentions) : [];
    const chunks = withNames(await this.renderFor(reply, conversation, inRoom, inRoom ? undefined : wechatUser(place.id)), mentions);
    let messageId = '';
    for (const [i, chunk] of chunks.entries()) {
      try {
        const said = await timeout(inRoom ? (to as Room).say(chunk, ...(i === 0 ? mentions : [])) : (to as Contact).say(chunk), ms, 'sending');
        messageId = (said && said.id) || `wechat-${this.clock.now().getTime()}-${++this.sent}`;
      } catch (err) {
        const e = err as Error & { timedOut?: boolean };
        // WeChat sends carry no idempotency key: once a message may have left, only a person can tell.
        if (i === 0 && !e.timedOut && /not logged in|logout/i.test(e.message)) throw new SendError('transient', `WeChat went offline before sending: ${e.message}`);
        throw new SendError('ambiguous', `${i > 0 ? `part ${i + 1}/${chunks.length} of the message: ` : ''}${e.message}; it may or may not have arrived`);
      }
    }
    await this.sendCharts(to, reply);
    await this.conversations.seen(conversation, inRoom ? await (to as Room).topic() : (to as Contact).name(), this.clock.now());
    return { messageId };
  }
}


/**
 * A chart as a FileBox made from the PNG's bytes. Base64 rather than a Buffer box: puppets that
 * serialise a box (wechaty-puppet-service, the mock) accept only base64, URL and UUID boxes.
 */
const chartFile = (c: DrawnChart) => FileBox.fromBase64(c.png.toString('base64'), c.filename);
