import { autoRetry } from '@grammyjs/auto-retry';
import { Api, Bot, type Context } from 'grammy';
import type { User, UserFromGetMe } from 'grammy/types';
import { say, type Lang } from '../../chat/lang.ts';
import type { Reply } from '../../chat/reply.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';
import type { Logger } from '../../domain/log.ts';
import type { DocStore } from '../../domain/ports.ts';
import { SendError, type ChatAdapter, type IncomingHandler, type Sent, type Target } from '../../chat/chat-adapter.ts';
import type { CommandMenus } from './telegram-commands.ts';
import { toSendError } from './telegram-errors.ts';
import { addressOf, userIdOf } from './telegram-ids.ts';
import { callbackIncoming, isBareCommand, langOf, nameOf, toIncoming } from './telegram-incoming.ts';
import { keyboardOf, photoCaption, postMessages, postPhoto, type Where } from './telegram-post.ts';
import { deliverCharts, type ChartDelivery } from '../../chat/chart-delivery.ts';
import { alertText, renderTelegram, type Rendered } from './telegram-render.ts';
import { TelegramState } from './telegram-state.ts';
import { serveWebhook, type WebhookOptions, type WebhookServer } from './telegram-webhook.ts';
import { healthBoard } from '../../adapters/http/health-board.ts';

export interface TelegramOptions {
  token: string;
  /** A local Bot API server or a stand-in, without a trailing slash. */
  apiRoot?: string;
  /** Receive updates by webhook instead of long polling. */
  webhook?: WebhookOptions;
  docs: DocStore;
  /** Updates already handled; by default kept beside the adapter's other documents. */
  seen?: SeenBefore;
  log: Logger;
  /** The "/" menu, set with setMyCommands in English and Chinese. */
  menus?: CommandMenus;
  /** The bot's identity, when known (skips getMe). */
  botInfo?: UserFromGetMe;
  /** Language of the adapter's own notices when the presser's is unknown. */
  lang?: Lang;
  now?: () => number;
  /** Draws a reply's charts as photos; without it charts stay text. */
  charts?: ChartDelivery;
}

const UPDATES = ['message', 'callback_query'] as const;

/** Telegram through grammY: long polling by default, a webhook when a public URL is set. */
export class TelegramAdapter implements ChatAdapter {
  readonly platform = 'telegram' as const;
  readonly bot: Bot;
  /** The outbox's sender: no retries of its own, the outbound engine owns them. */
  private readonly sender: Api;
  private readonly state: TelegramState;
  private readonly names = new Map<string, string>();
  private readonly usernames = new Map<string, string>();
  private server?: WebhookServer;

  constructor(private readonly opts: TelegramOptions) {
    const client = { ...(opts.apiRoot ? { apiRoot: opts.apiRoot.replace(/\/+$/, '') } : {}), timeoutSeconds: 60 };
    this.bot = new Bot(opts.token, { client, ...(opts.botInfo ? { botInfo: opts.botInfo } : {}) });
    // Answers to people may wait out a short 429 (twice at most, 10 s each). Nothing else is
    // retried: a network error or 5xx may hide an accepted message.
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true, rethrowInternalServerErrors: true }));
    this.sender = new Api(opts.token, client);
    this.state = new TelegramState(opts.docs, opts.now, opts.seen);
  }

  async start(handler: IncomingHandler): Promise<void> {
    const { bot, opts } = this;
    healthBoard.set('telegram', 'connecting');
    bot.use(async (ctx, next) => {
      if (await this.state.firstUpdate(ctx.update.update_id)) await next();
      else opts.log.debug({ update: ctx.update.update_id }, 'telegram update seen before; skipped');
    });
    bot.on('message', (ctx) => this.onMessage(ctx, handler));
    bot.on('callback_query:data', (ctx) => this.onPress(ctx, handler));
    bot.catch((err) => opts.log.error({ err: err.error, update: err.ctx.update.update_id }, 'telegram update failed'));
    // grammY's init() retries getMe forever on a network error; ask once so a wrong token or an
    // unreachable API root stops the start with a clear line instead of hanging silently.
    if (!bot.isInited()) bot.botInfo = await bot.api.getMe();
    await bot.init();
    await this.setMenus();
    if (opts.webhook) return this.listen(opts.webhook);
    await new Promise<void>((resolve, reject) => {
      bot.start({ allowed_updates: [...UPDATES], onStart: () => resolve() }).catch((err: unknown) => {
        // After start this means polling stopped (e.g. 409: another process polls with this token).
        healthBoard.set('telegram', 'failed');
        opts.log.error({ err }, 'telegram long polling stopped');
        reject(err);
      });
    });
    healthBoard.set('telegram', 'online');
    opts.log.info({ bot: bot.botInfo.username }, 'telegram long polling');
  }

  private async setMenus(): Promise<void> {
    const { menus } = this.opts;
    if (!menus) return;
    try {
      await this.bot.api.setMyCommands(menus.en);
      await this.bot.api.setMyCommands(menus.zh, { language_code: 'zh' });
    } catch (err) {
      this.opts.log.warn({ err }, 'telegram setMyCommands failed; commands still work when typed');
    }
  }

  private async listen(hook: WebhookOptions): Promise<void> {
    this.server = await serveWebhook(this.bot, hook, this.opts.log);
    await this.bot.api.setWebhook(hook.url, { secret_token: hook.secret, allowed_updates: [...UPDATES] });
    healthBoard.set('telegram', 'online');
    this.opts.log.info({ bot: this.bot.botInfo.username, port: this.port }, 'telegram webhook listening');
  }

  /** The webhook's port once listening (tests listen on port 0). */
  get port(): number | undefined {
    return this.server?.port;
  }

  async stop(): Promise<void> {
    if (this.bot.isRunning()) await this.bot.stop();
    const server = this.server;
    this.server = undefined;
    await server?.close();
    healthBoard.set('telegram', 'stopped');
  }

  /** Names people by what they wrote last, for mentions and for `@username` in commands. */
  private remember(from: User): void {
    const id = userIdOf(from.id);
    this.names.set(id, nameOf(from));
    if (from.username) this.usernames.set(from.username.toLowerCase(), id);
  }

  private async onMessage(ctx: Context, handler: IncomingHandler): Promise<void> {
    const me = { id: ctx.me.id, username: ctx.me.username };
    if (ctx.from) this.remember(ctx.from);
    const incoming = toIncoming(ctx.update, me, { userByName: (u) => this.usernames.get(u) });
    if (!incoming || !ctx.message) return;
    const reply = await handler(incoming);
    if (isBareCommand(ctx.update) && (reply.data as { error?: string } | undefined)?.error === 'not_understood') return;
    const m = ctx.message;
    await this.deliver(ctx.api, { chatId: m.chat.id, topic: m.is_topic_message ? m.message_thread_id : undefined, replyTo: m.message_id }, reply);
  }

  private async onPress(ctx: Context, handler: IncomingHandler): Promise<void> {
    const q = ctx.callbackQuery!;
    const notice = say(langOf(q.from.language_code) ?? this.opts.lang ?? 'zh');
    let answered = false;
    const answer = async (other?: { text: string; show_alert: true }) => {
      answered = true;
      await ctx.answerCallbackQuery(other);
    };
    try {
      if (!(await this.state.firstCallback(q.id))) return await answer();
      const pressed = await this.state.pressed(q.data ?? '');
      if (!pressed) return await answer({ text: notice('这个按钮已过期，请重新发起。', 'This button has expired; please ask again.'), show_alert: true });
      this.remember(q.from);
      const reply = await handler(callbackIncoming(q, pressed.action, pressed.lang));
      if (reply.ephemeral) return await answer({ text: alertText(reply), show_alert: true });
      await answer();
      await this.answerPress(ctx, reply);
    } finally {
      // Every press is answered, or the presser's button keeps spinning.
      if (!answered) await ctx.answerCallbackQuery().catch(() => undefined);
    }
  }

  /** Edits the card the button sat on into the reply (who chose what, buttons gone), or replies below it. */
  private async answerPress(ctx: Context, reply: Reply): Promise<void> {
    const q = ctx.callbackQuery!;
    const m = q.message;
    if (!m) return;
    const where = { chatId: m.chat.id, topic: 'is_topic_message' in m && m.is_topic_message ? m.message_thread_id : undefined, replyTo: m.message_id };
    if (reply.replaceOriginal && m.date !== 0) {
      const label = m.reply_markup?.inline_keyboard.flat().find((b) => 'callback_data' in b && b.callback_data === q.data)?.text;
      const rendered = this.render(reply, { by: nameOf(q.from), label });
      try {
        // Editing without reply_markup removes the keyboard; any overflow follows as replies.
        await ctx.api.editMessageText(m.chat.id, m.message_id, rendered.messages[0], { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
        if (rendered.messages.length > 1) await postMessages(ctx.api, where, rendered.messages.slice(1));
        return;
      } catch (err) {
        this.opts.log.warn({ err }, 'telegram could not edit the card; replying below it instead');
      }
    }
    await this.deliver(ctx.api, where, reply);
  }

  private render(reply: Reply, decided?: { by: string; label?: string }): Rendered {
    return renderTelegram(reply, { nameOf: (id) => this.names.get(id), ...(decided ? { decided } : {}) });
  }

  private async deliver(api: Api, where: Where, reply: Reply): Promise<number> {
    const rendered = this.render(reply);
    const first = await postMessages(api, where, rendered.messages, await keyboardOf(rendered.buttons, reply.lang, this.state));
    // The text is out: a photo that fails now is logged, never a reason to resend the text.
    await deliverCharts(reply, this.opts.charts, 'telegram', (c) => postPhoto(api, where, c.png, c.filename, photoCaption(c.block.title, reply.summary)));
    return first;
  }

  async send(target: Target, reply: Reply): Promise<Sent> {
    const address = addressOf(target.conversation);
    if (!address) throw new SendError('permanent', `not a Telegram conversation: ${target.conversation}`);
    const replyTo = target.thread && /^\d+$/.test(target.thread) ? Number(target.thread) : undefined;
    try {
      const id = await this.deliver(this.sender, { ...address, ...(replyTo ? { replyTo } : {}) }, reply);
      return { messageId: String(id) };
    } catch (err) {
      throw toSendError(err);
    }
  }
}
