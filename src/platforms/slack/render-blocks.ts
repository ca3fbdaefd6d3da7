import type { types } from '@slack/bolt';
import stringWidth from 'string-width';
import { arrow } from '../../features/shared/format.ts';
import type { Block, Reply } from '../../chat/reply.ts';
import { INERT, mapReplyText, quietBroadcasts } from '../../chat/text/mention-guard.ts';
import { renderChart, renderTable, renderText } from '../../chat/text/render-text.ts';
import { slackUserId } from './slack-ids.ts';
import { encodeButtonValue } from './to-incoming.ts';
import { warningMarker } from '../../chat/reply.ts';

// A Reply as Block Kit, within Slack's limits: 50 blocks a message, 3000 characters a
// text, 10 fields a section, 25 buttons an actions block, 150 characters a header.

type KnownBlock = types.KnownBlock;
export interface SlackMessage {
  /** Fallback for notifications and clients without blocks. */
  text: string;
  blocks: KnownBlock[];
}

export const LIMITS = { blocks: 50, text: 3000, fields: 10, buttons: 25, header: 150, buttonText: 75 } as const;
/** Tables wider than this (display columns) become one line per row, so a phone need not scroll. */
const PHONE_WIDTH = 44;

export interface RenderOptions {
  /** Drop buttons (a card answered by its decision). */
  noButtons?: boolean;
  /** A context line first, e.g. who asked a slash command. */
  lead?: string;
  /** A context line last, e.g. who decided and when. */
  trail?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/**
 * Store text escaped for mrkdwn (so no `<@U…>`, `<!channel>` or `<!subteam^…>` typed by anyone
 * survives), with the people the Reply mentions turned into real mentions: the domain writes a
 * Slack user as `@U0123ABCD` or `slack:U0123ABCD`, and Slack shows `<@U0123ABCD>` as their name
 * (and pings them). Anyone else's id stays plain text (see text/mention-guard.ts for the rule).
 */
export const mrkdwn = (s: string, live: ReadonlySet<string> = new Set()) => {
  const person = (lead: string, id: string, typed: string) => (live.has(id) ? `${lead}<@${id}>` : `${lead}${typed}`);
  return esc(s)
    .replace(/(^|[^\w@<|:])@([UW][A-Z0-9]{6,})\b/g, (_m, lead: string, id: string) => person(lead, id, `@${id}`))
    .replace(/(^|[^\w@<|:])slack:([UW][A-Z0-9]{6,})\b/g, (_m, lead: string, id: string) => person(lead, id, `slack:${id}`));
};

/**
 * Text a person typed in Slack's own markup (a slash command's text), made inert for a context
 * line: `<@U1|bob>` → `@bob`, `<#C1|general>` → `#general`, `<!channel>` → `@channel` that cannot ping.
 */
export const inertSlackText = (raw: string) =>
  esc(
    quietBroadcasts(
      raw.replace(/<([@#!])([^>|]*)(?:\|([^>]*))?>/g, (_m, sigil: string, id: string, label?: string) => {
        if (sigil === '!') return `@${INERT}${(label ?? id).replace(/^@/, '').replace(/^subteam\^/, '')}`;
        return `${sigil}${(label ?? id).replace(/^[@#]/, '')}`;
      }),
    ),
  ).replace(/@(?=[UW][A-Z0-9]{6,}\b)/g, `@${INERT}`);
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** Splits text at line ends (or hard, for one huge line) into pieces of at most `max` characters. */
export function splitText(s: string, max: number = LIMITS.text): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of s.split('\n')) {
    for (let piece = line; ; ) {
      const add = cur ? `${cur}\n${piece}` : piece;
      if (add.length <= max) {
        cur = add;
        break;
      }
      if (cur) {
        out.push(cur);
        cur = '';
        continue;
      }
      out.push(piece.slice(0, max));
      piece = piece.slice(max);
    }
  }
  if (cur || out.length === 0) out.push(cur);
  return out;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(text, LIMITS.text) }] });
const codeBlocks = (lines: string[], header: string[] = []): KnownBlock[] =>
  splitText(lines.join('\n'), LIMITS.text - 8 - header.join('\n').length - 1).map((chunk) => section('```' + [...header, chunk].join('\n') + '```'));

type Md = (s: string) => string;

function tableBlocks(b: Extract<Block, { type: 'table' }>, lang: Reply['lang'], mrkdwn: Md): KnownBlock[] {
  const text = renderTable(b, b.rows.length, lang);
  const width = Math.max(...text.split('\n').map((l) => stringWidth(l)));
  if (width <= PHONE_WIDTH) {
    const [head, rule, ...rows] = text.split('\n').map(esc);
    return codeBlocks(rows, [head, rule]);
  }
  // Wide: one line per row, first column bold, the rest as "title value".
  const lines = b.rows.map((r) => `*${mrkdwn(r[0] ?? '')}*  ${r.slice(1).map((v, i) => `${mrkdwn(b.columns[i + 1]?.title ?? '')} ${mrkdwn(v)}`).join(' · ')}`);
  return splitText(lines.join('\n')).map(section);
}

function figureBlocks(b: Extract<Block, { type: 'figures' }>, lang: Reply['lang'], mrkdwn: Md): KnownBlock[] {
  const fields = b.items.map((f) => {
    const change = f.change ? `\n${arrow(f.change)} ${esc(f.change.text)} · ${lang === 'zh' ? '上期' : 'prev'} ${esc(f.change.previous)}` : '';
    return { type: 'mrkdwn' as const, text: cut(`${mrkdwn(f.label)}\n*${mrkdwn(f.value)}*${change}`, 2000) };
  });
  const out: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fields) out.push({ type: 'section', fields: fields.slice(i, i + LIMITS.fields) });
  return out;
}

function choiceBlocks(b: Extract<Block, { type: 'choices' }>, lang: Reply['lang'], next: () => number, mrkdwn: Md): KnownBlock[] {
  const out: KnownBlock[] = b.prompt ? splitText(mrkdwn(b.prompt)).map(section) : [];
  for (let i = 0; i < b.choices.length; i += LIMITS.buttons) {
    out.push({
      type: 'actions',
      ...(b.ref ? { block_id: cut(`${b.ref}:${i}`, 255) } : {}),
      elements: b.choices.slice(i, i + LIMITS.buttons).map((c) => ({
        type: 'button' as const,
        action_id: `ops:${next()}`,
        text: { type: 'plain_text' as const, text: cut(c.label, LIMITS.buttonText), emoji: true },
        value: encodeButtonValue(c.action.id, c.action.value, lang),
        ...(c.style ? { style: c.style } : {}),
      })),
    });
  }
  return out;
}

function blocksOf(reply: Reply, opts: RenderOptions, mentions: string[], mrkdwn: Md): KnownBlock[] {
  let buttons = 0;
  const out: KnownBlock[] = [];
  if (opts.lead) out.push(context(opts.lead));
  if (mentions.length) out.push(section(mentions.map((u) => `<@${u}>`).join(' ')));
  const hasTable = reply.blocks.some((b) => b.type === 'table');
  for (const b of reply.blocks) {
    switch (b.type) {
      case 'text':
        if (b.tone === 'heading' && b.text.length <= LIMITS.header) out.push({ type: 'header', text: { type: 'plain_text', text: b.text, emoji: true } });
        else if (b.tone === 'muted') out.push(...splitText(mrkdwn(b.text)).map(context));
        else out.push(...splitText((b.tone === 'warning' ? warningMarker(b.text, ':warning: ') : b.tone === 'heading' ? '*' : '') + mrkdwn(b.text) + (b.tone === 'heading' ? '*' : '')).map(section));
        break;
      case 'figures':
        out.push(...figureBlocks(b, reply.lang, mrkdwn));
        break;
      case 'table':
        out.push(...tableBlocks(b, reply.lang, mrkdwn));
        break;
      case 'chart':
        // The table beside it already carries the same numbers.
        if (!hasTable) out.push(...codeBlocks([esc(b.title), ...renderChart(b).split('\n').map(esc)]));
        break;
      case 'choices':
        if (!opts.noButtons) out.push(...choiceBlocks(b, reply.lang, () => buttons++, mrkdwn));
        break;
      case 'context':
        out.push(context(mrkdwn(b.text)));
        break;
    }
  }
  if (opts.trail) out.push(context(opts.trail));
  return out;
}

/**
 * One or more Slack messages for a Reply, each within the block limit and with a text fallback.
 * `lead` and `trail` are the adapter's own mrkdwn; everything from the Reply is neutralised, in the
 * blocks and in the fallback `text` alike (Slack parses both), so only `reply.mentions` ping.
 */
export function renderSlack(given: Reply, opts: RenderOptions = {}): SlackMessage[] {
  const reply = mapReplyText(given, quietBroadcasts);
  const mentions = (reply.mentions ?? []).map(slackUserId).filter((u): u is string => !!u);
  const live = new Set(mentions);
  const md = (s: string) => mrkdwn(s, live);
  const blocks = blocksOf(reply, opts, mentions, md);
  const plain = reply.blocks.filter((b) => !(opts.noButtons && b.type === 'choices'));
  const fallback = cut(md(reply.summary ?? renderText({ ...reply, blocks: plain })), LIMITS.text);
  const parts: SlackMessage[] = [];
  for (let i = 0; i < blocks.length || parts.length === 0; i += LIMITS.blocks) {
    parts.push({ text: fallback, blocks: blocks.slice(i, i + LIMITS.blocks) });
  }
  if (parts.length > 1) parts.forEach((p, i) => (p.text = cut(`(${i + 1}/${parts.length}) ${fallback}`, LIMITS.text)));
  return parts;
}
