import type { AddressCodec } from '../../chat/address.ts';

// Conversation and user ids as the rest of the bot sees them: opaque strings that
// start with `slack:`. A channel is `slack:C0123`, a DM with a user `slack:dm:U0123`;
// a thread is the ts of its first message.

export const slackUser = (id: string) => `slack:${id}`;
export const slackChannel = (id: string) => `slack:${id}`;
export const slackDm = (user: string) => `slack:dm:${user}`;

export type SlackPlace = { channel: string } | { dmUser: string };

/** Decodes a conversation id the adapter (or the outbox) handed out; undefined when it is not Slack's. */
export function decodeConversation(conversation: string): SlackPlace | undefined {
  const dm = /^slack:dm:([A-Z0-9]+)$/.exec(conversation);
  if (dm) return { dmUser: dm[1] };
  const ch = /^slack:([A-Z0-9]+)$/.exec(conversation);
  return ch ? { channel: ch[1] } : undefined;
}

/** `slack:U0123` → `U0123`, for `<@U0123>` mentions; undefined for other platforms' users. */
export function slackUserId(qualified: string): string | undefined {
  return /^slack:([UW][A-Z0-9]+)$/.exec(qualified)?.[1];
}

/** `slack:C0123` ⇄ a channel (group), `slack:dm:U0123` ⇄ a user's DM. */
export const slackAddress: AddressCodec = {
  platform: 'slack',
  encode: (a) => (a.kind === 'dm' ? slackDm(a.id) : slackChannel(a.id)),
  decode(conversation) {
    const place = decodeConversation(conversation);
    if (!place) return undefined;
    return 'dmUser' in place ? { platform: 'slack', kind: 'dm', id: place.dmUser } : { platform: 'slack', kind: 'group', id: place.channel };
  },
};
