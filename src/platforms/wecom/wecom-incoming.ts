import type { Action, Incoming } from '../../chat/incoming.ts';
import type { Lang } from '../../chat/lang.ts';
import { conversationOf, userIdOf } from './wecom-ids.ts';
import { eventBody, messageBody, pressOf, type EventBody, type MessageBody } from './wecom-payload.ts';

// WeCom callback bodies → Incoming. Pure, so recorded payloads test it. WeCom hands a smart bot
// only what is meant for it (an @mention in a group, anything one-to-one), so every text is
// for the bot; the leading "@Bot" of a group message is dropped.

/** The words of a message: its text, a voice message's transcript, or the text parts of a mixed one. */
function wordsOf(m: Pick<MessageBody, 'msgtype' | 'text' | 'voice' | 'mixed'>): string | undefined {
  if (m.msgtype === 'text') return m.text?.content;
  if (m.msgtype === 'voice') return m.voice?.content;
  if (m.msgtype === 'mixed') return m.mixed?.msg_item.flatMap((i) => (i.msgtype === 'text' && i.text ? [i.text.content] : [])).join(' ');
  return undefined;
}

const clean = (s: string, group: boolean) => (group ? s.replace(/^\s*@\S+/, '') : s).replace(/\u2005/g, ' ').replace(/[ \t]+/g, ' ').replace(/^[\s,，:：]+/, '').trim();

/** A message callback as Incoming, or undefined when it is no text at all (a picture, a file) or is malformed. */
export function toIncoming(raw: unknown): Incoming | undefined {
  const parsed = messageBody.safeParse(raw);
  if (!parsed.success) return undefined;
  const m = parsed.data;
  const group = m.chattype === 'group';
  let text = wordsOf(m);
  if (text === undefined) return undefined;
  text = clean(text, group);
  // A quoted message with nothing typed beside the mention: the quote is the question.
  if (!text && m.quote) text = clean(wordsOf(m.quote) ?? '', false);
  // A bare "@Bot" still gets an answer: the router's hint with two examples.
  return {
    platform: 'wecom',
    conversation: conversationOf(m.chattype, m.chatid, m.from.userid),
    thread: m.msgid,
    user: userIdOf(m.from.userid),
    userName: m.from.userid,
    direct: !group,
    text,
    messageId: m.msgid,
  };
}

/** A button's key: `<lang>|<command> <value>`, well under WeCom's 1,024 bytes. */
export const keyOf = (action: Action, lang: Lang) => `${lang}|${action.id} ${action.value}`;

export function actionOfKey(key: string): { action: Action; lang: Lang } | undefined {
  const m = /^(zh|en)\|(\S+) ?(.*)$/s.exec(key);
  return m ? { action: { id: m[2], value: m[3] }, lang: m[1] as Lang } : undefined;
}

export interface Press {
  incoming: Incoming;
  taskId?: string;
  body: EventBody;
}

/** A template-card button press as the same Incoming action a Slack button makes; undefined for other events or unknown keys. */
export function pressIncoming(raw: unknown): Press | undefined {
  const parsed = eventBody.safeParse(raw);
  if (!parsed.success) return undefined;
  const body = parsed.data;
  const press = pressOf(body);
  const pressed = press && actionOfKey(press.key);
  if (!press || !pressed) return undefined;
  return {
    body,
    ...(press.taskId ? { taskId: press.taskId } : {}),
    incoming: {
      platform: 'wecom',
      conversation: conversationOf(body.chattype, body.chatid, body.from.userid),
      user: userIdOf(body.from.userid),
      userName: body.from.userid,
      direct: body.chattype !== 'group',
      action: pressed.action,
      messageId: body.msgid,
      lang: pressed.lang,
    },
  };
}
