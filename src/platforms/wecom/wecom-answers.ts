import { randomBytes } from 'node:crypto';
import type { TemplateCard } from '@wecom/aibot-node-sdk';
import type { Reply } from '../../chat/reply.ts';
import { placeOf } from './wecom-ids.ts';
import { cardOf, decidedCard, renderMarkdown, STREAM_BYTES } from './wecom-render.ts';

// What the bot sends back for a Reply, the same in both modes: markdown messages and, for
// choices, a button card; after a press, the card rewritten with who decided and when.

export interface Outgoing {
  markdown: string[];
  card?: TemplateCard;
}

/** A card's task id: unique per bot, letters, digits and _-@ only, at most 128 bytes. */
export const newTaskId = () => `sob_${randomBytes(12).toString('base64url')}`;

export const isRoom = (conversation: string) => placeOf(conversation)?.kind !== 'dm';

export function outgoingOf(reply: Reply, conversation: string, maxBytes = STREAM_BYTES, typed = false): Outgoing {
  const room = isRoom(conversation);
  const card = typed ? undefined : cardOf(reply, newTaskId(), { room });
  return { markdown: renderMarkdown(reply, { room, maxBytes, typed }), ...(card ? { card } : {}) };
}

/** `2026-11-20 10:00` in the store's time zone. */
export function stampOf(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(ms);
}

export function decided(reply: Reply, taskId: string, userid: string, conversation: string, at: string): TemplateCard {
  return decidedCard(reply, taskId, { userid, at }, { room: isRoom(conversation) });
}

/** What a person sees when they first open a one-to-one chat with the bot that day (enter_chat). */
export const WELCOME = '你好！我是店铺运营助手。可以这样问：今天GMV多少 · 上周 按渠道 退款率；发送「帮助」查看全部功能。\nHi! Ask me "gmv today" or "refund rate last week by channel"; send "help" to see everything I can do.';
