import type { TemplateCard, TemplateCardButton } from '@wecom/aibot-node-sdk';
import { arrow } from '../../features/shared/format.ts';
import { say } from '../../chat/lang.ts';
import type { Block, Choice, Reply } from '../../chat/reply.ts';
import { displayWidth } from '../../chat/text/display-width.ts';
import { renderChart, renderTable } from '../../chat/text/render-text.ts';
import { maskPhones } from '../wechat/mask-phones.ts';
import { wecomUser } from './wecom-ids.ts';
import { keyOf } from './wecom-incoming.ts';

// A Reply as WeCom markdown (a streamed answer, a push, a group robot message) plus, when it
// has choices, a button-interaction template card. Tables and charts go in code blocks, where
// the monospace font keeps the columns straight; phones are masked in groups; `<@…>` and
// `@all` typed by people are defused, so only the mentions the bot adds itself ring.

/** A streamed answer holds 20,480 bytes; a pushed markdown message 4,096. */
export const STREAM_BYTES = 20_000;
export const PUSH_BYTES = 4_000;

export interface RenderOptions {
  /** Writing to a group: phone numbers are masked. */
  room: boolean;
  maxBytes?: number;
  /** No buttons where this goes (a group robot): choices are listed with the words to type back. */
  typed?: boolean;
}

const defuse = (s: string) => s.replace(/<@/g, '<\u200b@').replace(/@(all|所有人)\b/gi, '@\u200b$1');

function blockMarkdown(b: Block, reply: Reply, typed: boolean): string | undefined {
  const t = say(reply.lang);
  switch (b.type) {
    case 'text':
      if (b.tone === 'heading') return `**${b.text}**`;
      if (b.tone === 'warning') return `⚠️ ${b.text}`;
      if (b.tone === 'muted') return b.text.split('\n').map((l) => `> ${l}`).join('\n');
      return b.text;
    case 'figures':
      return b.items.map((f) => `${f.label}: **${f.value}**${f.change ? `  ${arrow(f.change)} ${f.change.text}（${t('上期', 'prev')} ${f.change.previous}）` : ''}`).join('\n');
    case 'table':
      return `\`\`\`\n${renderTable(b, 30, reply.lang)}\n\`\`\``;
    case 'chart':
      // A table in the same reply already lists these numbers.
      return reply.blocks.some((o) => o.type === 'table') ? undefined : `**${b.title}**\n\`\`\`\n${renderChart(b, 16)}\n\`\`\``;
    case 'choices':
      if (!typed) return b.prompt;
      return [...(b.prompt ? [b.prompt] : []), ...b.choices.map((c) => `- ${c.label}：\`@${t('机器人', 'bot')} ${c.action.id} ${c.action.value}\``)].join('\n');
    case 'context':
      return b.text.split('\n').map((l) => `> ${l}`).join('\n');
  }
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Packs parts into messages under the byte limit; an oversized part is cut on line ends, code fences closed and reopened. */
export function pack(parts: string[], maxBytes: number): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur) out.push(cur);
    cur = '';
  };
  for (const part of parts) {
    const joined = cur ? `${cur}\n\n${part}` : part;
    if (bytes(joined) <= maxBytes) {
      cur = joined;
      continue;
    }
    flush();
    if (bytes(part) <= maxBytes) {
      cur = part;
      continue;
    }
    let fenced = false;
    for (const line of part.split('\n')) {
      const fence = line.startsWith('```');
      const next = cur ? `${cur}\n${line}` : line;
      if (bytes(next) + 4 > maxBytes && cur) {
        out.push(fenced ? `${cur}\n\`\`\`` : cur);
        cur = fenced && !fence ? `\`\`\`\n${line}` : line;
      } else cur = next;
      if (fence) fenced = !fenced;
    }
  }
  flush();
  return out.map((m) => (bytes(m) > maxBytes ? Buffer.from(m).subarray(0, maxBytes).toString('utf8').replace(/\uFFFD+$/, '') : m));
}

/** The markdown messages for a Reply, in order (mentions on the last). */
export function renderMarkdown(reply: Reply, opts: RenderOptions): string[] {
  const parts = reply.blocks.map((b) => blockMarkdown(b, reply, opts.typed ?? false)).filter((p): p is string => !!p);
  if (parts.length === 0 && reply.summary) parts.push(reply.summary);
  const text = defuse(parts.join('\n\n'));
  const safe = opts.room ? maskPhones(text) : text;
  const mentions = (reply.mentions ?? []).map(wecomUser).filter((u): u is string => !!u);
  const messages = pack(safe.split('\n\n'), opts.maxBytes ?? STREAM_BYTES);
  if (mentions.length) {
    const line = mentions.map((u) => `<@${u}>`).join(' ');
    if (messages.length && bytes(`${messages[messages.length - 1]}\n${line}`) <= (opts.maxBytes ?? STREAM_BYTES)) messages[messages.length - 1] += `\n${line}`;
    else messages.push(line);
  }
  return messages.length ? messages : ['…'];
}

/** Cuts to a display width (CJK counts two), for card fields WeCom keeps short. */
export function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const firstText = (reply: Reply, tone?: 'heading') => reply.blocks.find((b): b is Extract<Block, { type: 'text' }> => b.type === 'text' && (tone ? b.tone === tone : b.tone !== 'heading'))?.text;

// Button styles 1–4 per the card documentation; 1 is the default.
const styleOf = (c: Choice) => (c.style === 'danger' ? 3 : c.style === 'primary' ? 1 : 2);

/** A button-interaction card for the reply's choices (at most 6 buttons), or undefined when it has none. */
export function cardOf(reply: Reply, taskId: string, opts: RenderOptions): TemplateCard | undefined {
  const choices = reply.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : []));
  if (choices.length === 0) return undefined;
  const prompt = reply.blocks.find((b) => b.type === 'choices' && b.prompt);
  const title = firstText(reply, 'heading') ?? reply.summary ?? say(reply.lang)('请选择', 'Please choose');
  const sub = (prompt?.type === 'choices' ? prompt.prompt : undefined) ?? firstText(reply);
  const seen = new Set<string>();
  const buttons: TemplateCardButton[] = [];
  for (const c of choices.slice(0, 6)) {
    const key = keyOf(c.action, reply.lang);
    if (seen.has(key)) continue;
    seen.add(key);
    buttons.push({ text: clip(c.label, 20), style: styleOf(c), key });
  }
  const mask = (s: string) => defuse(opts.room ? maskPhones(s) : s);
  return {
    card_type: 'button_interaction',
    main_title: { title: mask(clip(title, 52)) },
    ...(sub ? { sub_title_text: mask(clip(sub, 224)) } : {}),
    button_list: buttons,
    task_id: taskId,
  };
}

/** The card after a decision: the decision's text, who pressed and when, and no buttons left. */
export function decidedCard(reply: Reply, taskId: string, decided: { userid: string; at: string }, opts: RenderOptions): TemplateCard {
  const t = say(reply.lang);
  const title = firstText(reply, 'heading') ?? firstText(reply) ?? reply.summary ?? t('已处理', 'Done');
  const sub = reply.blocks.flatMap((b) => (b.type === 'text' && b.text !== title ? [b.text] : [])).join('\n');
  const mask = (s: string) => defuse(opts.room ? maskPhones(s) : s);
  return {
    card_type: 'text_notice',
    main_title: { title: mask(clip(title, 52)) },
    ...(sub ? { sub_title_text: mask(clip(sub, 224)) } : {}),
    horizontal_content_list: [
      { keyname: t('处理人', 'By'), value: decided.userid, type: 3, userid: decided.userid },
      { keyname: t('时间', 'At'), value: decided.at },
    ],
    task_id: taskId,
  };
}
