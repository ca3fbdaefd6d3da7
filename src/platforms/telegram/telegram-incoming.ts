import type { CallbackQuery, Message, MessageEntity, Update, User } from 'grammy/types';
import type { Action, Incoming } from '../../chat/incoming.ts';
import type { Lang } from '../../chat/lang.ts';
import { conversationOf, userIdOf } from './telegram-ids.ts';

// Telegram updates → Incoming. Pure: the adapter passes in who the bot is and the
// usernames it has seen. In groups the bot answers commands, @mentions and replies to
// its own messages (all of which Telegram delivers with privacy mode on); in a
// private chat it answers everything.

export interface Me {
  id: number;
  username: string;
}

export interface IncomingOptions {
  /** Qualified id of a user by @username, when the adapter has seen them write. */
  userByName?: (username: string) => string | undefined;
}

export const langOf = (code: string | undefined): Lang | undefined => (!code ? undefined : /^zh/i.test(code) ? 'zh' : 'en');

export const nameOf = (u: User) => (u.username ? `@${u.username}` : [u.first_name, u.last_name].filter(Boolean).join(' '));

/** The topic a message sits in, for forum groups (replies outside topics carry a thread id too). */
const topicOf = (m: Message) => (m.is_topic_message ? m.message_thread_id : undefined);

/** Rewrites the text around its entities: strips the bot's own mention, qualifies other users. */
function rewrite(text: string, entities: MessageEntity[], me: Me, opts: IncomingOptions): { text: string; addressed: boolean; otherBot: boolean } {
  let out = '';
  let at = 0;
  let addressed = false;
  let otherBot = false;
  for (const e of [...entities].sort((a, b) => a.offset - b.offset)) {
    if (e.offset < at) continue;
    const span = text.slice(e.offset, e.offset + e.length);
    let replacement: string | undefined;
    if (e.type === 'bot_command' && e.offset === 0) {
      const [name, target] = span.split('@');
      if (target && target.toLowerCase() !== me.username.toLowerCase()) otherBot = true;
      else addressed = true;
      replacement = name === '/start' ? 'help' : name;
    } else if (e.type === 'mention') {
      if (span.slice(1).toLowerCase() === me.username.toLowerCase()) {
        addressed = true;
        replacement = '';
      } else replacement = opts.userByName?.(span.slice(1).toLowerCase()) ?? span;
    } else if (e.type === 'text_mention' && e.user) {
      if (e.user.id === me.id) addressed = true;
      replacement = e.user.id === me.id ? '' : userIdOf(e.user.id);
    }
    if (replacement === undefined) continue;
    out += text.slice(at, e.offset) + replacement;
    at = e.offset + e.length;
  }
  out += text.slice(at);
  return { text: out.replace(/[ \t]+/g, ' ').replace(/^[\s,，:：]+/, '').trim(), addressed, otherBot };
}

/** A message update as Incoming, or undefined when it is not for the bot. */
export function toIncoming(update: Update, me: Me, opts: IncomingOptions = {}): Incoming | undefined {
  const m = update.message;
  if (!m || !m.from || m.from.is_bot) return undefined;
  const raw = m.text ?? m.caption;
  if (raw === undefined) return undefined;
  const direct = m.chat.type === 'private';
  const r = rewrite(raw, m.entities ?? m.caption_entities ?? [], me, opts);
  if (r.otherBot) return undefined;
  const repliesToBot = m.reply_to_message?.from?.id === me.id;
  if (!direct && !r.addressed && !repliesToBot) return undefined;
  const lang = langOf(m.from.language_code);
  return {
    platform: 'telegram',
    conversation: conversationOf(m.chat, topicOf(m)),
    thread: String(m.message_id),
    user: userIdOf(m.from.id),
    userName: nameOf(m.from),
    direct,
    text: r.text,
    messageId: String(m.message_id),
    ...(lang ? { lang } : {}),
  };
}

/**
 * A plain `/word` with no @bot: in a group it may be meant for another bot, so the adapter
 * stays silent when the bot does not know it (rather than answering "I didn't get that").
 */
export function isBareCommand(update: Update): boolean {
  const m = update.message;
  const e = (m?.entities ?? m?.caption_entities ?? [])[0];
  return !!m && m.chat.type !== 'private' && e?.type === 'bot_command' && e.offset === 0 && !(m.text ?? m.caption ?? '').slice(0, e.length).includes('@');
}

/** A button press as Incoming, once the adapter has looked up the action its callback data stands for. */
export function callbackIncoming(q: CallbackQuery, action: Action, lang: Lang | undefined): Incoming {
  const m = q.message;
  const chat = m?.chat ?? { id: q.from.id, type: 'private' as const };
  const topic = m && 'is_topic_message' in m && m.is_topic_message ? m.message_thread_id : undefined;
  const l = lang ?? langOf(q.from.language_code);
  return {
    platform: 'telegram',
    conversation: conversationOf(chat, topic),
    ...(m ? { thread: String(m.message_id), messageId: String(m.message_id) } : {}),
    user: userIdOf(q.from.id),
    userName: nameOf(q.from),
    direct: chat.type === 'private',
    action,
    ...(l ? { lang: l } : {}),
  };
}
