import { webApi, type types } from '@slack/bolt';
import type { Reply } from '../../chat/reply.ts';
import { SendError, type Sent, type Target } from '../../chat/chat-adapter.ts';
import type { DrawnChart } from '../../chat/chart-delivery.ts';
import { renderSlack, type RenderOptions, type SlackMessage } from './render-blocks.ts';
import { decodeConversation } from './slack-ids.ts';

type WebClient = webApi.WebClient;
/** Message metadata type marking a message the outbox sent (Slack wants a snake_case name). */
const OUTBOX_EVENT = 'store_ops_outbox';
const CONFIRM_PAGES = 5;
const { ErrorCode } = webApi;

/**
 * The one WebClient the adapter sends with, built once and passed in. It never retries on its
 * own: a network error after Slack accepted a message would otherwise post it twice. The outbound
 * engine owns retries, told how a send failed through SendError.
 */
export function makeWebClient(token: string, slackApiUrl?: string): WebClient {
  return new webApi.WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logLevel: webApi.LogLevel.ERROR,
  });
}

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED', 'UND_ERR_CONNECT_TIMEOUT']);

/** How a Web API call failed, in the outbound engine's terms. */
export function classify(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const e = err as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; original?: { cause?: { code?: string }; code?: string }; message?: string };
  const msg = e?.message ?? String(err);
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return new SendError('rate_limited', msg, (e.retryAfter ?? 1) * 1000);
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? '';
      // ok:false means Slack did not post (channel_not_found, not_in_channel, invalid_auth, …),
      // except the errors Slack documents as "some of it may have happened".
      if (code === 'ratelimited') return new SendError('rate_limited', msg, 1000);
      if (code === 'service_unavailable') return new SendError('transient', msg);
      if (code === 'internal_error' || code === 'fatal_error' || code === 'request_timeout') return new SendError('ambiguous', msg);
      return new SendError('permanent', msg);
    }
    case ErrorCode.HTTPError:
      // 502/503/504 come from Slack's edge before the request reached the API; a 500 may have posted.
      return new SendError(e.statusCode && [502, 503, 504].includes(e.statusCode) ? 'transient' : e.statusCode && e.statusCode < 500 ? 'permanent' : 'ambiguous', msg);
    case ErrorCode.RequestError: {
      const cause = e.original?.cause?.code ?? e.original?.code;
      // Refused before anything was sent: safe to retry. A reset or timeout mid-request may have posted.
      return new SendError(cause && REFUSED.has(cause) ? 'transient' : 'ambiguous', msg);
    }
    default:
      return new SendError('ambiguous', msg);
  }
}

export class SlackSender {
  private readonly dms = new Map<string, string>();
  constructor(private readonly client: WebClient) {}

  /** The channel a DM with `user` lives in (conversations.open is idempotent). */
  async dmChannel(user: string): Promise<string> {
    let ch = this.dms.get(user);
    if (!ch) {
      const res = await this.client.conversations.open({ users: user });
      ch = res.channel?.id;
      if (!ch) throw new SendError('permanent', `conversations.open gave no channel for ${user}`);
      this.dms.set(user, ch);
    }
    return ch;
  }

  async channelOf(conversation: string): Promise<string> {
    const place = decodeConversation(conversation);
    if (!place) throw new SendError('permanent', `not a Slack conversation: ${conversation}`);
    return 'dmUser' in place ? this.dmChannel(place.dmUser) : place.channel;
  }

  /**
   * Posts the parts of a rendered reply in order; the first part's ts identifies the message.
   * An outbox key rides along as message metadata, so confirm() can find the message later.
   */
  async post(channel: string, messages: SlackMessage[], threadTs?: string, key?: string): Promise<string> {
    let first: string | undefined;
    for (const [i, m] of messages.entries()) {
      try {
        const metadata = key && i === 0 ? { metadata: { event_type: OUTBOX_EVENT, event_payload: { key } } } : {};
        const res = await this.client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, ...(threadTs ? { thread_ts: threadTs } : {}), ...metadata, unfurl_links: false, unfurl_media: false });
        first ??= res.ts;
      } catch (err) {
        const failure = classify(err);
        // Part of the reply is already in the chat: resending the whole would repeat it.
        throw i > 0 && failure.failure !== 'permanent' ? new SendError('ambiguous', `part ${i + 1}/${messages.length}: ${failure.message}`) : failure;
      }
    }
    return first ?? '';
  }

  /** A chart picture into the channel / thread (files.getUploadURLExternal, the upload, files.completeUploadExternal). */
  async uploadChart(channel: string, chart: DrawnChart, threadTs?: string): Promise<void> {
    const file = { channel_id: channel, file: chart.png, filename: chart.filename, title: chart.block.title, alt_text: chart.block.title };
    await this.client.filesUploadV2(threadTs ? { ...file, thread_ts: threadTs } : file);
  }

  async postEphemeral(channel: string, user: string, m: SlackMessage, threadTs?: string): Promise<void> {
    await this.client.chat.postEphemeral({ channel, user, text: m.text, blocks: m.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
  }

  async update(channel: string, ts: string, m: SlackMessage): Promise<void> {
    await this.client.chat.update({ channel, ts, text: m.text, blocks: m.blocks as types.KnownBlock[] });
  }

  private async resolve(conversation: string): Promise<string> {
    try {
      return await this.channelOf(conversation);
    } catch (err) {
      throw err instanceof SendError ? err : classify(err);
    }
  }

  /** ChatAdapter.send: the bot speaking first, to a channel, a thread or a user's DM. */
  async send(target: Target, reply: Reply, meta?: { key: string }, opts: RenderOptions = {}): Promise<Sent> {
    const channel = await this.resolve(target.conversation);
    return { messageId: await this.post(channel, renderSlack(reply, opts), target.thread, meta?.key) };
  }

  /**
   * After an ambiguous send: the message carrying `key` in its metadata if Slack has it, null if
   * the recent history surely lacks it; throws when it cannot tell (history too long to read).
   */
  async confirm(target: Target, key: string): Promise<Sent | null> {
    const channel = await this.resolve(target.conversation);
    let cursor: string | undefined;
    for (let page = 0; page < CONFIRM_PAGES; page++) {
      const args = { channel, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
      const res = target.thread ? await this.client.conversations.replies({ ...args, ts: target.thread }) : await this.client.conversations.history(args);
      const hit = (res.messages ?? []).find((m) => m.metadata?.event_type === OUTBOX_EVENT && (m.metadata.event_payload as { key?: string } | undefined)?.key === key);
      if (hit?.ts) return { messageId: hit.ts };
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return null;
    }
    throw new Error(`could not read far enough back in ${channel} to confirm ${key}`);
  }
}
