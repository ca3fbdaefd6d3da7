import type { AddressCodec } from '../../chat/address.ts';

// WeCom smart-bot ids as the rest of the bot sees them: a group chat is `wecom:<chatid>`, a
// one-to-one chat `wecom:dm:<userid>` (the smart bot pushes to a user by their userid), a room
// reached only through a group robot webhook `wecom:hook:<NAME>`; people are `wecom:<userid>`.

export type WecomPlace = { kind: 'group'; chatid: string } | { kind: 'dm'; userid: string } | { kind: 'hook'; name: string };

export const userIdOf = (userid: string) => `wecom:${userid}`;

export function conversationOf(chattype: 'single' | 'group' | undefined, chatid: string | undefined, userid: string): string {
  return chattype === 'group' && chatid ? `wecom:${chatid}` : `wecom:dm:${userid}`;
}

/** Where a conversation id points; undefined when it is not a WeCom id. */
export function placeOf(conversation: string): WecomPlace | undefined {
  const m = /^wecom:(?:(dm|hook):)?([^\s:][^\s]*)$/.exec(conversation);
  if (!m) return undefined;
  if (m[1] === 'dm') return { kind: 'dm', userid: m[2] };
  if (m[1] === 'hook') return { kind: 'hook', name: m[2] };
  return { kind: 'group', chatid: m[2] };
}

/** `wecom:zhangsan` → `zhangsan`; undefined for another platform's user. */
export function wecomUser(qualified: string): string | undefined {
  const m = /^wecom:(?!dm:|hook:)([^\s:]+)$/.exec(qualified);
  return m ? m[1] : undefined;
}

/** `wecom:<chatid>` ⇄ a group, `wecom:dm:<userid>` ⇄ a DM, `wecom:hook:<NAME>` ⇄ a room reached by its group robot (kind `hook`). */
export const wecomAddress: AddressCodec = {
  platform: 'wecom',
  encode: (a) => (a.kind === 'dm' ? `wecom:dm:${a.id}` : a.kind === 'hook' ? `wecom:hook:${a.id}` : `wecom:${a.id}`),
  decode(conversation) {
    const place = placeOf(conversation);
    if (!place) return undefined;
    if (place.kind === 'dm') return { platform: 'wecom', kind: 'dm', id: place.userid };
    return place.kind === 'hook' ? { platform: 'wecom', kind: 'hook', id: place.name } : { platform: 'wecom', kind: 'group', id: place.chatid };
  },
};
