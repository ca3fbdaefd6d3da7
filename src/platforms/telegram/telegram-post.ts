import { InputFile, type Api } from 'grammy';
import { escapeHtml } from './telegram-html.ts';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Lang } from '../../chat/lang.ts';
import type { Choice } from '../../chat/reply.ts';
import { SendError } from '../../chat/chat-adapter.ts';
import { toSendError } from './telegram-errors.ts';
import type { ChatAddress } from './telegram-ids.ts';
import type { TelegramState } from './telegram-state.ts';

export interface Where extends ChatAddress {
  /** The message to reply to (the asker's, or the card a button sat on). */
  replyTo?: number;
}

/** Inline keyboard rows, each button carrying callback data of at most 64 bytes. */
export async function keyboardOf(rows: Choice[][], lang: Lang, state: TelegramState): Promise<InlineKeyboardMarkup | undefined> {
  if (rows.length === 0) return undefined;
  return { inline_keyboard: await Promise.all(rows.map((row) => Promise.all(row.map(async (c) => ({ text: c.label, callback_data: await state.callbackData(c.action, lang) }))))) };
}

/** Posts HTML messages in order (the first replying to `replyTo`), the keyboard on the last; returns the first message id. */
export async function postMessages(api: Api, where: Where, messages: string[], keyboard?: InlineKeyboardMarkup): Promise<number> {
  let first: number | undefined;
  for (const [i, html] of messages.entries()) {
    const last = i === messages.length - 1;
    try {
      const sent = await api.sendMessage(where.chatId, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(where.topic ? { message_thread_id: where.topic } : {}),
        ...(i === 0 && where.replyTo ? { reply_parameters: { message_id: where.replyTo, allow_sending_without_reply: true } } : {}),
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
      });
      first ??= sent.message_id;
    } catch (err) {
      // Once a part is out, resending the whole answer would repeat it: say so.
      if (first !== undefined) throw new SendError('ambiguous', `telegram: sent ${i} of ${messages.length} parts, then ${toSendError(err).message}`);
      throw err;
    }
  }
  return first!;
}

/** Caption of a chart photo: the chart's title in bold, then the answer's summary; Telegram allows 1,024 characters. */
export function photoCaption(title: string, summary: string | undefined): string {
  const room = 1024 - title.length - 1;
  const rest = summary && summary !== title ? (summary.length > room ? `${summary.slice(0, room - 1)}…` : summary) : '';
  return `<b>${escapeHtml(title.slice(0, 1024))}</b>${rest && room > 1 ? `\n${escapeHtml(rest)}` : ''}`;
}

/** A chart as a photo below the answer, in the same topic, replying to the same message. */
export async function postPhoto(api: Api, where: Where, png: Buffer, filename: string, caption: string): Promise<void> {
  await api.sendPhoto(where.chatId, new InputFile(png, filename), {
    caption,
    parse_mode: 'HTML',
    ...(where.topic ? { message_thread_id: where.topic } : {}),
    ...(where.replyTo ? { reply_parameters: { message_id: where.replyTo, allow_sending_without_reply: true } } : {}),
  });
}
