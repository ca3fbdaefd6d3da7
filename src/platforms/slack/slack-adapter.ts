import { App, type Receiver, type RespondFn, type webApi } from '@slack/bolt';
import { say } from '../../chat/lang.ts';
import type { Reply } from '../../chat/reply.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';
import type { Logger } from '../../domain/log.ts';
import type { Clock, DocStore } from '../../domain/ports.ts';
import type { ChatAdapter, IncomingHandler, Sent, Target } from '../../chat/chat-adapter.ts';
import { deliverCharts, type ChartDelivery } from '../../chat/chart-delivery.ts';
import { inertSlackText, renderSlack, type SlackMessage } from './render-blocks.ts';
import { slackUserId } from './slack-ids.ts';
import { slackLogger } from './slack-logger.ts';
import { SlackMemory } from './slack-memory.ts';
import { classify, SlackSender } from './slack-sender.ts';
import { actionToTurn, commandToTurn, eventToTurn, type SlackTurn } from './to-incoming.ts';

export interface SlackAdapterOptions {
  /** The WebClient every answer is sent with (see makeWebClient: no silent retries). */
  client: webApi.WebClient;
  /** How Slack reaches us: GuardedHttpReceiver (HTTP) or Bolt's SocketModeReceiver. */
  receiver: Receiver;
  docs: DocStore;
  clock: Clock;
  log: Logger;
  slackApiUrl?: string;
  /** Deliveries already handled; by default kept beside the adapter's other documents. */
  seen?: SeenBefore;
  /** Draws a reply's charts as pictures for the thread; without it charts stay text. */
  charts?: ChartDelivery;
}

const asRespond = (m: SlackMessage) => ({ text: m.text, blocks: m.blocks });

/**
 * Slack through Bolt: slash commands, @mentions (answered in the mention's thread), DMs,
 * follow-ups in threads the bot answered, and button presses. Every event is acked at once,
 * handled once even when Slack retries it, and answered with the client passed in.
 */
export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  readonly sender: SlackSender;
  readonly memory: SlackMemory;
  private app?: App;
  private bot: { userId?: string; botId?: string; teamId?: string } = {};

  constructor(private readonly opts: SlackAdapterOptions) {
    this.sender = new SlackSender(opts.client);
    this.memory = new SlackMemory(opts.docs, opts.clock, opts.seen);
  }

  async start(handler: IncomingHandler): Promise<void> {
    const auth = await this.opts.client.auth.test();
    this.bot = { userId: auth.user_id, botId: auth.bot_id, teamId: auth.team_id };
    const app = new App({
      receiver: this.opts.receiver,
      authorize: async () => ({ botToken: this.opts.client.token, botUserId: this.bot.userId, botId: this.bot.botId, teamId: this.bot.teamId }),
      logger: slackLogger(this.opts.log),
      clientOptions: { ...(this.opts.slackApiUrl ? { slackApiUrl: this.opts.slackApiUrl } : {}), retryConfig: { retries: 0 } },
      ignoreSelf: true,
    });
    app.command(/.*/, async ({ ack, command, respond }) => {
      await ack();
      const turn = commandToTurn(command, this.bot.userId);
      if (turn) await this.once(`command:${command.trigger_id}`, () => this.answerCommand(handler, turn, `<@${command.user_id}> ${inertSlackText(`${command.command} ${command.text}`)}`, respond));
    });
    app.event('app_mention', async ({ event, body }) => {
      const turn = eventToTurn(event, this.bot.userId);
      if (turn) await this.once(`event:${body.event_id}`, async () => this.answer(turn, await handler(turn.incoming)));
    });
    app.message(async ({ message, body }) => {
      const turn = eventToTurn(message, this.bot.userId);
      if (turn && (await this.isForUs(turn, message as { text?: string; thread_ts?: string }))) {
        await this.once(`event:${body.event_id}`, async () => this.answer(turn, await handler(turn.incoming)));
      }
    });
    app.action({ action_id: /^ops:/ }, async ({ ack, body, respond }) => {
      await ack();
      const turn = actionToTurn(body);
      if (turn) await this.once(turn.dedupKey, async () => this.answerAction(turn, await handler(turn.incoming), respond));
    });
    app.error(async (err) => this.opts.log.error({ err }, 'slack handler failed'));
    this.app = app;
    await app.start();
    this.opts.log.info({ botUser: this.bot.userId, team: this.bot.teamId }, 'slack connected');
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    this.app = undefined;
  }

  async send(target: Target, reply: Reply, meta?: { key: string }): Promise<Sent> {
    const sent = await this.sender.send(target, reply, meta);
    // The text is out: a chart that fails now is logged, never a reason for the outbox to resend the text.
    const channel = await this.sender.channelOf(target.conversation);
    await this.uploadCharts(channel, reply, target.thread);
    return sent;
  }

  private uploadCharts(channel: string, reply: Reply, threadTs?: string): Promise<number> {
    return deliverCharts(reply, this.opts.charts, 'slack', (chart) => this.sender.uploadChart(channel, chart, threadTs));
  }

  /** Whether an outbox message whose send was ambiguous is in the channel (found by its metadata). */
  confirm(target: Target, key: string): Promise<Sent | null> {
    return this.sender.confirm(target, key);
  }

  /** DMs always; in channels only follow-ups in a thread the bot answered (mentions come as app_mention). */
  private async isForUs(turn: SlackTurn, raw: { text?: string; thread_ts?: string }): Promise<boolean> {
    if (turn.incoming.direct) return true;
    if (!raw.thread_ts || (this.bot.userId && raw.text?.includes(`<@${this.bot.userId}`))) return false;
    return this.memory.answeredThread(turn.channel, raw.thread_ts);
  }

  /** Runs `work` once per key; a failed attempt is forgotten so Slack's retry gets processed. */
  private async once(key: string, work: () => Promise<void>): Promise<void> {
    if (!(await this.memory.claim(key))) return void this.opts.log.debug({ key }, 'slack duplicate delivery ignored');
    try {
      await work();
    } catch (err) {
      await this.memory.failed(key);
      throw err;
    }
    await this.memory.done(key);
  }

  private async answer(turn: SlackTurn, reply: Reply, lead?: string): Promise<void> {
    const user = slackUserId(turn.incoming.user)!;
    if (reply.ephemeral && !turn.incoming.direct) {
      for (const m of renderSlack(reply)) await this.sender.postEphemeral(turn.channel, user, m, turn.threadTs);
      return;
    }
    const ts = await this.sender.post(turn.channel, renderSlack(reply, lead ? { lead } : {}), turn.threadTs);
    if (!turn.incoming.direct) await this.memory.rememberThread(turn.channel, turn.threadTs ?? ts);
    // In a channel the picture joins the answer's thread; in a DM it follows the answer.
    await this.uploadCharts(turn.channel, reply, turn.incoming.direct ? turn.threadTs : (turn.threadTs ?? ts));
  }

  /** A slash command: answered in the channel (so the thread can go on), or through response_url when the bot is not in it. */
  private async answerCommand(handler: IncomingHandler, turn: SlackTurn, asked: string, respond: RespondFn): Promise<void> {
    const reply = await handler(turn.incoming);
    if (reply.ephemeral) {
      for (const m of renderSlack(reply)) await respond({ response_type: 'ephemeral', ...asRespond(m) });
      return;
    }
    try {
      await this.answer(turn, reply, asked);
    } catch (err) {
      if (classify(err).failure !== 'permanent') throw err;
      for (const m of renderSlack(reply, { lead: asked })) await respond({ response_type: 'in_channel', ...asRespond(m) });
    }
  }

  /** A button press: a decision rewrites the card (who and when, no buttons); other answers go to its thread. */
  private async answerAction(turn: ReturnType<typeof actionToTurn> & {}, reply: Reply, respond: RespondFn): Promise<void> {
    if (reply.replaceOriginal && turn.cardTs) {
      const user = slackUserId(turn.incoming.user)!;
      const at = this.opts.clock.now();
      const when = `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${at.toISOString()}>`;
      const trail = say(reply.lang)(`✅ <@${user}> 处理于 ${when}`, `✅ <@${user}> decided ${when}`);
      // The domain's card usually says who decided already; add the line only when it does not.
      const plain = renderSlack(reply, { noButtons: true });
      const [card] = JSON.stringify(plain).includes(`<@${user}>`) ? plain : renderSlack(reply, { noButtons: true, trail });
      if (!turn.ephemeralCard) {
        try {
          return await this.sender.update(turn.channel, turn.cardTs, card);
        } catch (err) {
          this.opts.log.warn({ err, channel: turn.channel }, 'chat.update failed; replacing through response_url');
        }
      }
      await respond({ replace_original: true, ...asRespond(card) });
      return;
    }
    if (reply.ephemeral) {
      for (const m of renderSlack(reply)) await respond({ response_type: 'ephemeral', replace_original: false, ...asRespond(m) });
      return;
    }
    await this.answer(turn, reply);
  }
}
