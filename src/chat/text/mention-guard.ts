import type { Block, ChartPoint, Reply } from '../reply.ts';

// The rule: only the bot pings people, and only those a Reply lists in `mentions`. Anything in
// a Reply's text that a platform would turn into a ping — a broadcast (`@channel`, `@here`,
// `@everyone`, `@all`, `@所有人`), a Slack `<@U…>` / `<!…>`, a Telegram `@username` or `tg://user`
// link — is someone's typing (a reason, a note, a name, a complaint) and must stay inert text.
// Each renderer runs its platform's neutraliser over every string of the Reply (mapReplyText)
// before it builds the message, and adds its own mentions afterwards.

/** Zero-width space: the text reads the same, the platform no longer parses a mention out of it. */
export const INERT = '\u200b';

// `@` at the start of a word (not inside an e-mail address like ops@all.com or a masked j***@example.com).
const WORD_AT = '(?<![\\w.@%+*-])@';
const BROADCAST = new RegExp(`${WORD_AT}(?=(?:channel|here|everyone|all|all-?members|所有人|全体成员|全体|全员)(?![\\w-]))`, 'giu');
const ANY_AT = new RegExp(`${WORD_AT}(?=[\\p{L}\\p{N}_])`, 'gu');
const TG_LINK = /\btg:(?=\/\/)/gi;
const TG_ANY = /tg:/i;

/** `@channel`, `@all`, `@所有人` … can no longer ping a whole room. */
export const quietBroadcasts = (s: string): string => (s.includes('@') ? s.replace(BROADCAST, `@${INERT}`) : s);

/**
 * Every `@word` (a Telegram username, a WeChat name, a broadcast) and every `tg://` link made inert,
 * except `@<id>` for the ids in `keep` (the platform ids of the people the Reply mentions).
 */
export function quietAtWords(s: string, keep: readonly string[] = []): string {
  // Most strings of a reply (figures, table cells) hold neither: skip the regexes (this runs on every answer).
  if (!s.includes('@') && !TG_ANY.test(s)) return s;
  const kept = (at: number) => keep.some((k) => k && s.startsWith(k, at + 1) && !/[\p{L}\p{N}_-]/u.test(s[at + 1 + k.length] ?? ''));
  return s.replace(ANY_AT, (m: string, at: number) => (kept(at) ? m : `@${INERT}`)).replace(TG_LINK, `tg:${INERT}`);
}

const points = (ps: ChartPoint[], f: (s: string) => string): ChartPoint[] => ps.map((p) => ({ ...p, label: f(p.label), display: f(p.display), ...(p.change !== undefined ? { change: f(p.change) } : {}) }));

function mapBlock(b: Block, f: (s: string) => string): Block {
  switch (b.type) {
    case 'text':
    case 'context':
      return { ...b, text: f(b.text) };
    case 'figures':
      return { ...b, items: b.items.map((i) => ({ ...i, label: f(i.label), value: f(i.value), ...(i.change ? { change: { ...i.change, text: f(i.change.text), previous: f(i.change.previous) } } : {}) })) };
    case 'table':
      return { ...b, columns: b.columns.map((c) => ({ ...c, title: f(c.title) })), rows: b.rows.map((r) => r.map((c) => f(c ?? ''))) };
    case 'chart':
      return { ...b, title: f(b.title), points: points(b.points, f), ...(b.compare ? { compare: { label: f(b.compare.label), points: points(b.compare.points, f) } } : {}) };
    case 'choices':
      // Only what people read; the actions a button runs stay as they are.
      return { ...b, ...(b.prompt !== undefined ? { prompt: f(b.prompt) } : {}), choices: b.choices.map((c) => ({ ...c, label: f(c.label) })) };
  }
}

/** The same Reply with `f` applied to every string a person reads (blocks and summary). */
export function mapReplyText(reply: Reply, f: (s: string) => string): Reply {
  return { ...reply, blocks: reply.blocks.map((b) => mapBlock(b, f)), ...(reply.summary !== undefined ? { summary: f(reply.summary) } : {}) };
}
