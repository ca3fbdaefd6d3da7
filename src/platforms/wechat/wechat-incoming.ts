import { z } from 'zod';
import type { Incoming } from '../../chat/incoming.ts';
import { dmConversation, roomConversation, wechatUser } from './wechat-ids.ts';

// The pure half of the adapter: one WeChat message, as read from the puppet's
// payloads, becomes an Incoming (or nothing). Kept free of Wechaty so it is
// tested on recorded payloads under test/fixtures/wechat/.

const person = z.object({ id: z.string().min(1), name: z.string() });

export const wechatRawSchema = z.object({
  id: z.string().min(1),
  /** Only text is read; images, voice, files and cards are ignored. */
  type: z.enum(['text', 'other']),
  text: z.string(),
  talker: person,
  room: z.object({ id: z.string().min(1), topic: z.string().optional() }).optional(),
  /** The logged-in bot; `aliases` are the names it goes by in this room. */
  self: person.extend({ aliases: z.array(z.string()).default([]) }),
  /** Everyone @mentioned, by the puppet's mention list, with the name shown in the room. */
  mentions: z.array(person).default([]),
});

export type WechatRaw = z.input<typeof wechatRawSchema>;

export type Parsed =
  | { kind: 'ignore'; why: 'self' | 'not_text' | 'empty' | 'bad_payload' }
  /** `addressed`: a DM, an @mention of the bot or the prefix; otherwise room chatter (still checked for choice replies). */
  | { kind: 'message'; incoming: Incoming; addressed: boolean };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// WeChat ends an @mention with U+2005 (four-per-em space); some puppets use a plain space.
const mentionOf = (name: string) => new RegExp(`@${escape(name)}(?:[\\u2005\\u0020]|$)`, 'g');

export function toIncoming(input: WechatRaw, prefix = '/'): Parsed {
  const checked = wechatRawSchema.safeParse(input);
  if (!checked.success) return { kind: 'ignore', why: 'bad_payload' };
  const raw = checked.data;
  if (raw.talker.id === raw.self.id) return { kind: 'ignore', why: 'self' };
  if (raw.type !== 'text') return { kind: 'ignore', why: 'not_text' };

  let text = raw.text;
  const selfNames = [raw.self.name, ...raw.self.aliases].filter(Boolean);
  const mentioned = raw.mentions.some((m) => m.id === raw.self.id) || selfNames.some((n) => mentionOf(n).test(raw.text));
  for (const n of selfNames) text = text.replace(mentionOf(n), ' ');
  // Other people @mentioned become qualified ids, so `grant @小李 ops_manager` names a user.
  for (const m of raw.mentions) if (m.id !== raw.self.id && m.name) text = text.replace(mentionOf(m.name), `${wechatUser(m.id)} `);
  text = text.replace(/\u2005/g, ' ').trim();
  const prefixed = prefix !== '' && text.startsWith(prefix);
  if (prefixed) text = text.slice(prefix.length).trim();
  if (!text) return { kind: 'ignore', why: 'empty' };

  const direct = !raw.room;
  const incoming: Incoming = {
    platform: 'wechat',
    conversation: raw.room ? roomConversation(raw.room.id) : dmConversation(raw.talker.id),
    user: wechatUser(raw.talker.id),
    ...(raw.talker.name ? { userName: raw.talker.name } : {}),
    direct,
    text,
    messageId: raw.id,
  };
  return { kind: 'message', incoming, addressed: direct || mentioned || prefixed };
}
