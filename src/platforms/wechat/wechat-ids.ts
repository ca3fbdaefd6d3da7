import type { AddressCodec } from '../../chat/address.ts';

// WeChat conversation and user ids as the rest of the bot sees them: opaque,
// platform-prefixed strings. Room ids from puppets end in `@chatroom` (personal
// WeChat) or are `R:…` (WeCom); contact ids are `wxid_…`, `wmXXXX…` or similar.

export type WechatPlace = { kind: 'room'; id: string } | { kind: 'dm'; id: string };

export const roomConversation = (roomId: string) => `wechat:room:${roomId}`;
export const dmConversation = (contactId: string) => `wechat:dm:${contactId}`;
export const wechatUser = (contactId: string) => `wechat:${contactId}`;

/** `wechat:room:<id>` or `wechat:dm:<id>` → where to send; undefined for anything else. */
export function parseConversation(conversation: string): WechatPlace | undefined {
  const m = /^wechat:(room|dm):(.+)$/.exec(conversation);
  return m ? { kind: m[1] as 'room' | 'dm', id: m[2] } : undefined;
}

/** `wechat:<contactId>` → contactId; undefined for another platform's user. */
export function contactIdOf(user: string): string | undefined {
  const m = /^wechat:(?!room:|dm:)(.+)$/.exec(user);
  return m ? m[1] : undefined;
}

/** `wechat:room:<id>` ⇄ a room (group), `wechat:dm:<contactId>` ⇄ a contact's DM. */
export const wechatAddress: AddressCodec = {
  platform: 'wechat',
  encode: (a) => (a.kind === 'dm' ? dmConversation(a.id) : roomConversation(a.id)),
  decode(conversation) {
    const place = parseConversation(conversation);
    return place && { platform: 'wechat', kind: place.kind === 'room' ? 'group' : 'dm', id: place.id };
  },
};
