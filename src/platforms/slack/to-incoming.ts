import { z } from 'zod';
import type { Incoming } from '../../chat/incoming.ts';
import type { Lang } from '../../chat/lang.ts';
import { slackChannel, slackDm, slackUser } from './slack-ids.ts';

// Pure translation of Slack payloads (Events API, slash commands, block_actions)
// into Incoming, plus where the answer goes. Payloads are zod-checked here, at the edge.

/** An Incoming and the Slack place to answer it: a channel and, when threaded, the thread's ts. */
export interface SlackTurn {
  incoming: Incoming;
  channel: string;
  threadTs?: string;
}

const messageEvent = z.object({
  type: z.enum(['message', 'app_mention']),
  channel: z.string(),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
});
export type SlackMessageEvent = z.infer<typeof messageEvent>;

const command = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string(),
  user_name: z.string().optional(),
  channel_id: z.string(),
  channel_name: z.string().optional(),
  trigger_id: z.string().optional(),
});

const blockActions = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional(), thread_ts: z.string().optional(), is_ephemeral: z.boolean().optional() }).default({}),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() })).min(1),
});

const buttonValue = z.object({ i: z.string().min(1), v: z.string(), l: z.enum(['zh', 'en']).optional() });

/** A button's value carries the command id it runs, the id it acts on, and the card's language. */
export function encodeButtonValue(id: string, value: string, lang: Lang): string {
  return JSON.stringify({ i: id, v: value, l: lang });
}

export function decodeButtonValue(raw: string | undefined): { id: string; value: string; lang?: Lang } | undefined {
  if (!raw) return undefined;
  try {
    const v = buttonValue.safeParse(JSON.parse(raw));
    return v.success ? { id: v.data.i, value: v.data.v, lang: v.data.l } : undefined;
  } catch {
    return undefined;
  }
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Slack's markup to what the router reads: the bot's own mention removed, other users'
 * mentions as qualified ids (`<@U123|bob>` → `slack:U123`), links and channels as plain text.
 */
export function plainText(text: string, botUserId?: string): string {
  return unescape(
    text
      .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id: string) => (id === botUserId ? '' : slackUser(id)))
      .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => (name ? `#${name}` : slackChannel(id)))
      .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
      .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_, url: string, label?: string) => label ?? url),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Messages the bot must not answer: other bots, its own, edits, joins and other subtypes. */
export function isFromPerson(e: SlackMessageEvent): boolean {
  return !!e.user && !e.bot_id && (e.subtype === undefined || e.subtype === 'thread_broadcast' || e.subtype === 'file_share');
}

/** An app_mention or message event; undefined when it is not a person talking. */
export function eventToTurn(raw: unknown, botUserId?: string): SlackTurn | undefined {
  const parsed = messageEvent.safeParse(raw);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  if (!isFromPerson(e) || e.user === botUserId) return undefined;
  const direct = e.channel_type === 'im' || (e.type === 'message' && e.channel.startsWith('D'));
  // A mention in a channel is answered in its thread; a DM is answered in place unless threaded.
  const threadTs = e.thread_ts ?? (direct ? undefined : e.ts);
  const incoming: Incoming = {
    platform: 'slack',
    conversation: direct ? slackDm(e.user!) : slackChannel(e.channel),
    ...(threadTs ? { thread: threadTs } : {}),
    user: slackUser(e.user!),
    direct,
    text: plainText(e.text ?? '', botUserId),
    messageId: e.ts,
  };
  return { incoming, channel: e.channel, ...(threadTs ? { threadTs } : {}) };
}

/** A slash command (`/ops 今天GMV`). */
export function commandToTurn(raw: unknown, botUserId?: string): SlackTurn | undefined {
  const parsed = command.safeParse(raw);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  const direct = c.channel_name === 'directmessage' || c.channel_id.startsWith('D');
  const incoming: Incoming = {
    platform: 'slack',
    conversation: direct ? slackDm(c.user_id) : slackChannel(c.channel_id),
    user: slackUser(c.user_id),
    ...(c.user_name ? { userName: c.user_name } : {}),
    direct,
    text: plainText(c.text, botUserId),
    ...(c.trigger_id ? { messageId: c.trigger_id } : {}),
  };
  return { incoming, channel: c.channel_id };
}

/** A button press on one of the bot's cards; `cardTs` is the message that carried the button. */
export function actionToTurn(raw: unknown): (SlackTurn & { cardTs?: string; ephemeralCard: boolean; dedupKey: string }) | undefined {
  const parsed = blockActions.safeParse(raw);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const act = b.actions[0];
  const decoded = decodeButtonValue(act.value);
  const channel = b.container.channel_id ?? b.channel?.id;
  if (!decoded || !channel) return undefined;
  const cardTs = b.container.message_ts ?? b.message?.ts;
  const threadTs = b.container.thread_ts ?? b.message?.thread_ts ?? cardTs;
  const direct = channel.startsWith('D');
  const incoming: Incoming = {
    platform: 'slack',
    conversation: direct ? slackDm(b.user.id) : slackChannel(channel),
    ...(threadTs ? { thread: threadTs } : {}),
    user: slackUser(b.user.id),
    ...(b.user.username || b.user.name ? { userName: b.user.username ?? b.user.name } : {}),
    direct,
    action: { id: decoded.id, value: decoded.value },
    ...(decoded.lang ? { lang: decoded.lang } : {}),
    ...(act.action_ts ? { messageId: act.action_ts } : {}),
  };
  // Slack does not resend a press, but a proxy or a double click can: the same press has the same action_ts.
  const dedupKey = `action:${channel}:${cardTs ?? ''}:${b.user.id}:${act.action_id}:${act.action_ts ?? ''}`;
  return { incoming, channel, ...(threadTs ? { threadTs } : {}), ...(cardTs ? { cardTs } : {}), ephemeralCard: !!b.container.is_ephemeral, dedupKey };
}
