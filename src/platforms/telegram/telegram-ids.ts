import type { Chat } from 'grammy/types';
import type { AddressCodec } from '../../chat/address.ts';

// Conversation ids as the rest of the bot sees them: `telegram:<chat>`, a forum topic
// `telegram:<chat>:<topic>`, and a private chat `telegram:dm:<userId>` (in Telegram a
// user's private chat with the bot has the user's id as its chat id).

export interface ChatAddress {
  chatId: number | string;
  topic?: number;
}

const ID = /^telegram:(?:dm:(\d+)|(-?\d+|@[A-Za-z]\w{3,})(?::(\d+))?)$/;

export function conversationOf(chat: Pick<Chat, 'id' | 'type'>, topic?: number): string {
  if (chat.type === 'private') return `telegram:dm:${chat.id}`;
  return topic ? `telegram:${chat.id}:${topic}` : `telegram:${chat.id}`;
}

/** The chat (and topic) a conversation id points at, or undefined when it is not a Telegram id. */
export function addressOf(conversation: string): ChatAddress | undefined {
  const m = ID.exec(conversation);
  if (!m) return undefined;
  if (m[1]) return { chatId: Number(m[1]) };
  const chatId = /^-?\d+$/.test(m[2]) ? Number(m[2]) : m[2];
  return m[3] ? { chatId, topic: Number(m[3]) } : { chatId };
}

export const userIdOf = (id: number) => `telegram:${id}`;

/** `telegram:123` → 123; other platforms' ids → undefined. */
export function telegramUser(qualified: string): number | undefined {
  const m = /^telegram:(\d+)$/.exec(qualified);
  return m ? Number(m[1]) : undefined;
}

/**
 * `telegram:dm:<user>` ⇄ a DM; `telegram:<chat>` and `telegram:<chat>:<topic>` ⇄ a chat (kind `group`,
 * though only negative chat ids are groups to Telegram; see the platform's isGroup).
 */
export const telegramAddress: AddressCodec = {
  platform: 'telegram',
  encode: (a) => (a.kind === 'dm' ? `telegram:dm:${a.id}` : a.topic ? `telegram:${a.id}:${a.topic}` : `telegram:${a.id}`),
  decode(conversation) {
    const m = ID.exec(conversation);
    if (!m) return undefined;
    if (m[1]) return { platform: 'telegram', kind: 'dm', id: m[1] };
    return { platform: 'telegram', kind: 'group', id: m[2], ...(m[3] ? { topic: m[3] } : {}) };
  },
};
