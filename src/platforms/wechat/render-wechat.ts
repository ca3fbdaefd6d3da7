import { displayWidth } from '../../chat/text/display-width.ts';
import { arrow } from '../../features/shared/format.ts';
import { say } from '../../chat/lang.ts';
import type { Block, Reply } from '../../chat/reply.ts';
import { mapReplyText, quietAtWords } from '../../chat/text/mention-guard.ts';
import { renderChart } from '../../chat/text/render-text.ts';
import { maskEmails } from '../../domain/privacy/mask.ts';
import { maskPhones } from './mask-phones.ts';
import { warningMarker } from '../../chat/reply.ts';
import { contactIdOf } from './wechat-ids.ts';

// A Reply as WeChat text. WeChat has no buttons, no markup and a proportional
// font on a phone about 30 full-width characters wide, so: figures one per line
// with the label padded, tables cut to the columns and rows that fit, choices as
// numbered options with a short reference to type back, long answers split.

export const PHONE_WIDTH = 60; // display columns: ~30 full-width characters
export const MAX_BYTES = 2000; // WeCom refuses text over 2048 bytes; personal WeChat folds long ones
const MAX_ROWS = 10;
const MAX_CELL = 16;

export interface WechatRenderOptions {
  /** Writing to a room: phone numbers and e-mail addresses are masked. */
  room: boolean;
  /** The reference shown for each choices block, in order (`12` shows as `#12`). */
  refs?: string[];
  /** Whether a bare `1` / `2` is accepted for these choices (the asker's own card, or a DM). */
  numbers?: boolean;
  maxBytes?: number;
  /** Who asked (qualified id): the adapter mentions them in a room, so `@<their id>` may stay. */
  asker?: string;
}

const stringWidth = displayWidth;

const cut = (s: string, w: number) => {
  if (stringWidth(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (stringWidth(out + ch) > w - 1) break;
    out += ch;
  }
  return `${out}…`;
};

// Full-width spaces keep CJK labels lined up in WeChat's proportional font.
const padLabel = (s: string, w: number) => {
  const gap = Math.max(0, w - stringWidth(s));
  return s + '\u3000'.repeat(Math.floor(gap / 2)) + ' '.repeat(gap % 2);
};

function figures(b: Extract<Block, { type: 'figures' }>, lang: Reply['lang']): string {
  const w = Math.min(12, Math.max(...b.items.map((f) => stringWidth(f.label))));
  return b.items
    .map((f) => {
      const head = `${padLabel(cut(f.label, 12), w)}  ${f.value}`;
      if (!f.change) return head;
      return `${head}\n${'\u3000'.repeat(2)}${arrow(f.change)} ${f.change.text}${say(lang)(`（上期 ${f.change.previous}）`, ` (prev ${f.change.previous})`)}`;
    })
    .join('\n');
}

export function table(b: Extract<Block, { type: 'table' }>, lang: Reply['lang'], width = PHONE_WIDTH): string {
  const t = say(lang);
  const rows = b.rows.slice(0, MAX_ROWS).map((r) => r.map((c) => cut(c ?? '', MAX_CELL)));
  const widths = b.columns.map((c, i) => Math.max(stringWidth(cut(c.title, MAX_CELL)), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  // Keep the columns from the left while they fit the phone.
  let keep = 0;
  for (let used = 0; keep < widths.length && used + widths[keep] + (keep ? 2 : 0) <= width; keep++) used += widths[keep] + (keep ? 2 : 0);
  keep = Math.max(1, keep);
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i] - stringWidth(s)));
    return b.columns[i].align === 'right' ? gap + s : s + gap;
  };
  const line = (cells: string[]) => cells.slice(0, keep).map((c, i) => pad(c, i)).join('  ').trimEnd();
  const out = [line(b.columns.map((c) => cut(c.title, MAX_CELL))), ...rows.map(line)];
  const moreRows = b.rows.length - rows.length;
  const moreCols = b.columns.length - keep;
  if (moreRows > 0) out.push(t(`… 另有 ${moreRows} 行`, `… ${moreRows} more rows`));
  if (moreCols > 0) out.push(t(`（手机屏幕放不下，省略了 ${moreCols} 列：${b.columns.slice(keep).map((c) => c.title).join('、')}）`, `(${moreCols} columns left out to fit a phone: ${b.columns.slice(keep).map((c) => c.title).join(', ')})`));
  return out.join('\n');
}

/** `回复「批准 #12」或「驳回 #12」` — what to type back, short enough to type on a phone. */
export function choices(b: Extract<Block, { type: 'choices' }>, lang: Reply['lang'], ref: string, numbers: boolean): string {
  const t = say(lang);
  const lines = b.prompt ? [b.prompt] : [];
  b.choices.forEach((c, i) => lines.push(`${i + 1}. ${c.label}`));
  const word = (label: string) => (lang === 'en' ? label.toLowerCase() : label);
  const short = b.choices.length <= 3 && b.choices.every((c) => stringWidth(c.label) <= 10 && !/\s/.test(c.label));
  const forms = short ? b.choices.map((c) => `${word(c.label)} #${ref}`) : [`1 #${ref}`];
  const quoted = forms.map((f) => t(`「${f}」`, `"${f}"`)).join(t('或', ' or '));
  const nums = b.choices.map((_, i) => i + 1).join(' / ');
  lines.push(
    short
      ? t(`回复${quoted}${numbers ? `，也可直接回复 ${nums}` : ''}`, `Reply ${quoted}${numbers ? ` (or just ${nums})` : ''}`)
      : t(`回复「编号 #${ref}」，如${quoted}${numbers ? `，也可直接回复编号` : ''}`, `Reply "number #${ref}", e.g. ${quoted}${numbers ? ' (or just the number)' : ''}`),
  );
  return lines.join('\n');
}

function blockText(b: Block, reply: Reply, ref: () => string, numbers: boolean): string | undefined {
  switch (b.type) {
    case 'text':
      return b.tone === 'heading' ? `【${b.text}】` : b.tone === 'warning' ? `${warningMarker(b.text, '⚠️ ')}${b.text}` : b.text;
    case 'figures':
      return figures(b, reply.lang);
    case 'table':
      return table(b, reply.lang);
    case 'chart':
      // A table in the same reply already lists these numbers.
      return reply.blocks.some((o) => o.type === 'table') ? undefined : renderChart(b, 12);
    case 'choices':
      return choices(b, reply.lang, ref(), numbers);
    case 'context':
      return `— ${b.text}`;
  }
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Splits on line ends so each message stays under WeChat's limit; a too-long line is cut hard. */
export function split(text: string, maxBytes = MAX_BYTES): string[] {
  const budget = maxBytes - 16; // room for the "(1/3)" marker
  const chunks: string[] = [];
  let cur = '';
  const push = () => {
    if (cur) chunks.push(cur);
    cur = '';
  };
  for (let line of text.split('\n')) {
    while (bytes(line) > budget) {
      let head = '';
      for (const ch of line) {
        if (bytes(head + ch) > budget) break;
        head += ch;
      }
      push();
      chunks.push(head);
      line = line.slice(head.length);
    }
    if (cur && bytes(`${cur}\n${line}`) > budget) push();
    cur = cur ? `${cur}\n${line}` : line;
  }
  push();
  return chunks.length > 1 ? chunks.map((c, i) => `${c}\n(${i + 1}/${chunks.length})`) : chunks;
}

/**
 * The messages to send for a Reply, in order. Every `@name` in its text (`@所有人` included) is made
 * inert; the adapter mentions `reply.mentions` itself, through WeChat's mention list.
 */
export function renderWechat(given: Reply, opts: WechatRenderOptions): string[] {
  // Commands write the people they mention as `@<contactId>`; the adapter turns those into names.
  const keep = [...(given.mentions ?? []), ...(opts.asker ? [opts.asker] : [])].map(contactIdOf).filter((id): id is string => !!id);
  const reply = mapReplyText(given, (s) => quietAtWords(s, keep));
  let n = 0;
  const ref = () => opts.refs?.[n++] ?? '?';
  const parts = reply.blocks.map((b) => blockText(b, reply, ref, opts.numbers ?? false)).filter((p): p is string => !!p);
  const text = parts.join('\n\n') || reply.summary || '';
  return split(opts.room ? maskEmails(maskPhones(text)) : text, opts.maxBytes);
}
