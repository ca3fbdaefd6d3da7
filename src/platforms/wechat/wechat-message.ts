import { types, type Contact, type ContactSelf, type Message } from 'wechaty';
import type { WechatRaw } from './wechat-incoming.ts';

// The Wechaty side of translation: read what toIncoming needs from a message,
// and small helpers for what goes back out.

/** The plain record toIncoming reads (the shape kept under test/fixtures/wechat/). */
export async function readMessage(msg: Message, self: ContactSelf): Promise<WechatRaw> {
  const room = msg.room();
  const talker = msg.talker();
  const mentions = room ? await msg.mentionList() : [];
  // In a room people are shown (and @mentioned) by their room alias when they set one.
  const nameIn = async (c: Contact) => (room ? ((await room.alias(c)) ?? c.name()) : c.name());
  const selfAlias = room ? await room.alias(self) : undefined;
  return {
    id: msg.id,
    type: msg.type() === types.Message.Text ? 'text' : 'other',
    text: msg.text(),
    talker: { id: talker.id, name: talker.name() },
    ...(room ? { room: { id: room.id, topic: await room.topic() } } : {}),
    self: { id: self.id, name: self.name(), aliases: selfAlias ? [selfAlias] : [] },
    mentions: await Promise.all(mentions.map(async (c) => ({ id: c.id, name: await nameIn(c) }))),
  };
}

/** Commands write people as `@<contactId>`; in WeChat they read better by name. */
export const withNames = (chunks: string[], people: Contact[]) =>
  chunks.map((c) => people.reduce((text, p) => text.split(`@${p.id}`).join(`@${p.name() || p.id}`), c));

/** Rejects with `timedOut: true` when `p` takes longer than `ms` (it may still complete later). */
export const timeout = <T>(p: Promise<T>, ms: number, what: string) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { timedOut: true })), ms);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });
