import type { Action } from '../../chat/incoming.ts';
import type { Lang } from '../../chat/lang.ts';
import type { Block } from '../../chat/reply.ts';
import type { DocStore } from '../../domain/ports.ts';

// WeChat has no buttons, so a card's choices are typed back: `批准 #12`, or a bare
// `1` right after the card from the person it answered. Pending cards live in the
// DocStore with a time limit, so a restart loses none and an old card is refused
// clearly instead of acting on something nobody remembers.

export interface Card {
  ref: string;
  conversation: string;
  /** Qualified user id of the person the card answered; only they may reply with a bare number. */
  asker?: string;
  lang: Lang;
  choices: { label: string; action: Action }[];
  createdAt: string;
  expiresAt: string;
}

interface Book {
  next: number;
  /** Keyed `<conversation>|<ref>`: a reference only means something where its card was posted. */
  cards: Record<string, Card>;
  /** Keyed `<conversation>|<user>`: the card a bare number answers. */
  last: Record<string, { ref: string; until: string }>;
}

export type Resolution =
  | { kind: 'action'; action: Action; lang: Lang; card: Card }
  | { kind: 'stale'; ref: string; lang: Lang }
  | { kind: 'unknown'; ref: string }
  | { kind: 'no_such_choice'; card: Card };

export interface ChoiceBookOptions {
  /** How long a card's reference works (default 24 h). */
  ttlMs?: number;
  /** How long a bare number answers the last card (default 10 min). */
  numberMs?: number;
  /** How long an expired card is remembered, to say "expired" rather than "unknown" (default 7 days). */
  keepMs?: number;
}

const REF_REPLY = /^\s*(.{1,24}?)\s*[#＃]\s*([A-Za-z0-9]{1,12})\s*$/;
const NUMBER = /^\s*(\d{1,2})\s*$/;
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export class ChoiceBook {
  private readonly ttl: number;
  private readonly numberMs: number;
  private readonly keepMs: number;

  constructor(
    private readonly docs: DocStore,
    opts: ChoiceBookOptions = {},
  ) {
    this.ttl = opts.ttlMs ?? 24 * 3600_000;
    this.numberMs = opts.numberMs ?? 10 * 60_000;
    this.keepMs = opts.keepMs ?? 7 * 24 * 3600_000;
  }

  private book() {
    return this.docs.open<Book>('wechat/choices', { next: 1, cards: {}, last: {} });
  }

  /** Records the card's choices and returns the reference to show (the block's own, or a new short number). */
  async add(block: Extract<Block, { type: 'choices' }>, conversation: string, lang: Lang, now: Date, asker?: string): Promise<string> {
    const doc = await this.book();
    const b = doc.data;
    this.prune(b, now);
    let ref = block.ref?.replace(/^[#＃]/, '').trim();
    if (!ref || !/^[A-Za-z0-9]{1,12}$/.test(ref)) {
      do ref = String(b.next++);
      while (b.cards[`${conversation}|${ref}`]);
    }
    b.cards[`${conversation}|${ref}`] = {
      ref,
      conversation,
      ...(asker ? { asker } : {}),
      lang,
      choices: block.choices.map((c) => ({ label: c.label, action: c.action })),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.ttl).toISOString(),
    };
    if (asker) b.last[`${conversation}|${asker}`] = { ref, until: new Date(now.getTime() + this.numberMs).toISOString() };
    await doc.write();
    return ref;
  }

  /**
   * What a typed message means as a choice reply, or undefined when it is not one.
   * A bare number is used up once taken, so a later "1" is ordinary text again.
   */
  async resolve(typed: string, conversation: string, user: string, now: Date): Promise<Resolution | undefined> {
    const text = typed.normalize('NFKC'); // a Chinese keyboard may type ＃１２
    const doc = await this.book();
    const b = doc.data;
    const num = NUMBER.exec(text);
    if (num) {
      const key = `${conversation}|${user}`;
      const last = b.last[key];
      if (!last || Date.parse(last.until) < now.getTime()) return undefined;
      const card = b.cards[`${conversation}|${last.ref}`];
      const choice = card?.choices[Number(num[1]) - 1];
      if (!card || !choice) return undefined;
      delete b.last[key];
      await doc.write();
      return Date.parse(card.expiresAt) < now.getTime() ? { kind: 'stale', ref: card.ref, lang: card.lang } : { kind: 'action', action: choice.action, lang: card.lang, card };
    }
    const m = REF_REPLY.exec(text);
    if (!m) return undefined;
    const [, word, ref] = m;
    const card = b.cards[`${conversation}|${ref}`];
    if (!card) return { kind: 'unknown', ref };
    if (Date.parse(card.expiresAt) < now.getTime()) return { kind: 'stale', ref, lang: card.lang };
    const n = /^\d{1,2}$/.test(word) ? Number(word) : 0;
    const choice = n ? card.choices[n - 1] : card.choices.find((c) => norm(c.label) === norm(word));
    if (!choice) return { kind: 'no_such_choice', card };
    // A card answered by reference no longer takes a bare number from its asker.
    if (card.asker && b.last[`${conversation}|${card.asker}`]?.ref === ref) {
      delete b.last[`${conversation}|${card.asker}`];
      await doc.write();
    }
    return { kind: 'action', action: choice.action, lang: card.lang, card };
  }

  private prune(b: Book, now: Date) {
    const t = now.getTime();
    for (const [k, c] of Object.entries(b.cards)) if (Date.parse(c.expiresAt) + this.keepMs < t) delete b.cards[k];
    for (const [k, l] of Object.entries(b.last)) if (Date.parse(l.until) < t) delete b.last[k];
  }
}
