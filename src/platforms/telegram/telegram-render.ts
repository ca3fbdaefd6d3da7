import { arrow } from '../../features/shared/format.ts';
import { say } from '../../chat/lang.ts';
import type { Block, Choice, Reply } from '../../chat/reply.ts';
import { mapReplyText, quietAtWords } from '../../chat/text/mention-guard.ts';
import { renderChart, renderTable } from '../../chat/text/render-text.ts';
import { escapeAttr, escapeHtml, packMessages, type Piece } from './telegram-html.ts';
import { telegramUser } from './telegram-ids.ts';
import { warningMarker } from '../../chat/reply.ts';

// A Reply as Telegram HTML: headings bold, figures with ▲/▼, tables and charts in
// <pre> (monospace keeps the columns straight), choices as inline keyboard rows.

export interface Rendered {
  /** HTML messages, each under Telegram's length limit. */
  messages: string[];
  /** Inline keyboard rows; the keyboard goes on the last message. */
  buttons: Choice[][];
}

export interface RenderOptions {
  /** Display names for mentioned users, when the adapter has seen them. */
  nameOf?: (userId: string) => string | undefined;
  /** After a button press: who pressed which button, shown in place of the buttons. */
  decided?: { by: string; label?: string };
  limit?: number;
}

function piecesOf(b: Block, reply: Reply): Piece[] {
  const t = say(reply.lang);
  switch (b.type) {
    case 'text': {
      const lines = b.text.split('\n');
      if (b.tone === 'heading') return [{ open: '<b>', close: '</b>', lines }];
      if (b.tone === 'muted') return [{ open: '<i>', close: '</i>', lines }];
      if (b.tone === 'warning') return [{ open: warningMarker(b.text, '⚠️ '), close: '', lines }];
      return [{ open: '', close: '', lines }];
    }
    case 'figures':
      return [
        {
          open: '',
          close: '',
          html: true,
          lines: b.items.map((f) => {
            const change = f.change ? `  ${arrow(f.change)} ${escapeHtml(f.change.text)} <i>(${escapeHtml(t('上期', 'prev'))} ${escapeHtml(f.change.previous)})</i>` : '';
            return `${escapeHtml(f.label)}: <b>${escapeHtml(f.value)}</b>${change}`;
          }),
        },
      ];
    case 'table':
      return [{ open: '<pre>', close: '</pre>', lines: renderTable(b, 50, reply.lang).split('\n') }];
    case 'chart':
      // A table in the same reply already lists these numbers.
      if (reply.blocks.some((o) => o.type === 'table')) return [];
      return [
        { open: '<b>', close: '</b>', lines: [b.title] },
        { open: '<pre>', close: '</pre>', lines: renderChart(b, 16).split('\n') },
      ];
    case 'choices':
      return b.prompt ? [{ open: '', close: '', lines: b.prompt.split('\n') }] : [];
    case 'context':
      return [{ open: '<i>', close: '</i>', lines: b.text.split('\n') }];
  }
}

function mentionLine(ids: string[], nameOf: RenderOptions['nameOf']): Piece | undefined {
  const links = ids.flatMap((id) => {
    const n = telegramUser(id);
    return n === undefined ? [] : [`<a href="${escapeAttr(`tg://user?id=${n}`)}">${escapeHtml(nameOf?.(id) ?? String(n))}</a>`];
  });
  return links.length ? { open: '', close: '', html: true, lines: [links.join(' ')] } : undefined;
}

/** Keyboard layout: short labels share a row (up to three), long ones get a row each. */
function rows(choices: Choice[]): Choice[][] {
  if (choices.length <= 3 && choices.every((c) => [...c.label].length <= 12)) return [choices];
  return choices.map((c) => [c]);
}

/**
 * Every `@username`, broadcast and `tg://` link in the Reply's text is made inert (HTML escaping
 * already stops `<a href="tg://user…">`); only the mention line built from `reply.mentions` pings.
 */
export function renderTelegram(given: Reply, opts: RenderOptions = {}): Rendered {
  const reply = mapReplyText(given, (s) => quietAtWords(s));
  const t = say(reply.lang);
  const pieces = reply.blocks.flatMap((b) => piecesOf(b, reply));
  // A display name is typed by its owner too ("@channel", "@somebody").
  const nameOf = (id: string) => {
    const n = opts.nameOf?.(id);
    return n === undefined ? undefined : quietAtWords(n);
  };
  const mention = mentionLine(reply.mentions ?? [], nameOf);
  if (mention) pieces.push(mention);
  if (opts.decided) {
    // The adapter's own line: who pressed (by their @username when they have one) and the button's label.
    const { by, label } = opts.decided;
    pieces.push({ open: '<i>', close: '</i>', lines: [label ? t(`✔ ${by} 选择了「${label}」`, `✔ ${label} — chosen by ${by}`) : t(`✔ 由 ${by} 处理`, `✔ Handled by ${by}`)] });
  }
  if (pieces.length === 0) pieces.push({ open: '', close: '', lines: [reply.summary ?? '…'] });
  const buttons = opts.decided ? [] : reply.blocks.flatMap((b) => (b.type === 'choices' ? rows(b.choices) : []));
  return { messages: packMessages(pieces, opts.limit), buttons };
}

/** Plain text for a callback alert (at most 200 characters). */
export function alertText(reply: Reply): string {
  const plain = reply.summary ?? reply.blocks.flatMap((b) => (b.type === 'text' || b.type === 'context' ? [b.text] : [])).join('\n');
  return [...plain].length > 200 ? `${[...plain].slice(0, 199).join('')}…` : plain;
}
