import { distance } from 'fastest-levenshtein';

// Accounts for every word of a question. Chinese has no spaces, so the text is
// segmented by the known vocabulary, longest match first; a run of characters no
// word covers is one unknown word. An unknown English word close to a known one
// (a typo) is read as that word, and the reading says so.

/** One vocabulary entry: a sticky pattern and what its match means. */
export interface Rule<P> {
  re: RegExp;
  make(m: RegExpExecArray): P | P[];
}

export interface Token<P> {
  text: string;
  parts: P[];
}

export interface Scan<P> {
  tokens: Token<P>[];
  unknown: string[];
  /** Words read as something close to what was typed: `yestrday` → `yesterday`, `GMv` → `GMV`. */
  guesses: { typed: string; read: string }[];
}

// Punctuation and emoji carry no meaning for a metric: 😀 or 👍 beside a question is decoration.
const SEPARATOR = /^(?:[\s,，。!！?？、:：;；"“”‘’()（）【】\[\]…]|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D)$/u;
const ASCII_WORD = /[a-z0-9]/i;
const sameKind = (a: string, b: string) => (/[a-z]/i.test(a) && /[a-z]/i.test(b)) || (/\d/.test(a) && /\d/.test(b));
const ACRONYMS = new Set(['gmv', 'aov', 'roi', 'uv', 'cvr', 'ytd', 'mtd', 'wtd', 'yoy', 'sku', 'skus', 'roas', 'jd', 'xhs', 'pos', 'pdd']);

/** A rule's pattern, compiled to match only at the position it is tried (case-insensitive). */
export const sticky = (source: string) => new RegExp(source, 'iy');

/**
 * One rule per top-level alternative: a regex alternation takes the first that matches (退款 before
 * 退款多少钱), while the scanner wants the longest, so each alternative competes on its own.
 */
export function rulesOf<P>(source: string, make: Rule<P>['make']): Rule<P>[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) {
      pieces.push(source.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(source.slice(start));
  return pieces.map((piece) => ({ re: sticky(piece), make }));
}

function longestAt<P>(rules: Rule<P>[], text: string, at: number): { end: number; m: RegExpExecArray; rule: Rule<P> } | undefined {
  let best: { end: number; m: RegExpExecArray; rule: Rule<P> } | undefined;
  for (const rule of rules) {
    rule.re.lastIndex = at;
    const m = rule.re.exec(text);
    if (!m || m[0].length === 0) continue;
    const end = at + m[0].length;
    // An English word must end at a word boundary: "today" in "todays" is not a match (GMV618 splits).
    if (end < text.length && sameKind(text[end - 1], text[end])) continue;
    if (!best || end > best.end) best = { end, m, rule };
  }
  return best;
}

function scanOnce<P>(rules: Rule<P>[], text: string): Scan<P> & { unknownAt: { start: number; end: number }[] } {
  const tokens: Token<P>[] = [];
  const unknownAt: { start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (SEPARATOR.test(ch)) {
      i += ch.length;
      continue;
    }
    const hit = longestAt(rules, text, i);
    if (hit) {
      const made = hit.rule.make(hit.m);
      tokens.push({ text: text.slice(i, hit.end), parts: Array.isArray(made) ? made : [made] });
      i = hit.end;
      continue;
    }
    // Nothing known starts here: an English word is unknown whole; other characters join the unknown run.
    let end = i + 1;
    if (ASCII_WORD.test(text[i])) while (end < text.length && /[a-z0-9_'’.\-]/i.test(text[end]) && !(text[end] === '.' && !ASCII_WORD.test(text[end + 1] ?? ''))) end++;
    const last = unknownAt[unknownAt.length - 1];
    const joins = last && last.end === i && !ASCII_WORD.test(text[i]) && !ASCII_WORD.test(text[i - 1]);
    if (joins) last.end = end;
    else unknownAt.push({ start: i, end });
    i = end;
  }
  return { tokens, unknown: unknownAt.map((u) => text.slice(u.start, u.end)), unknownAt, guesses: [] };
}

const oddCase = (w: string) => /[a-z]/.test(w) && /[A-Z]/.test(w) && !/^[A-Z][a-z]+$/.test(w);

/**
 * Reads the text with the rules. `words` are the single English words of the vocabulary, against which an
 * unknown word of four letters or more is matched by edit distance (1, or 2 from seven letters on).
 */
export function scan<P>(rules: Rule<P>[], text: string, words: readonly string[]): Scan<P> {
  const first = scanOnce(rules, text);
  const guesses: { typed: string; read: string }[] = [];
  let fixed = text;
  for (const u of [...first.unknownAt].reverse()) {
    const typed = text.slice(u.start, u.end);
    const w = typed.toLowerCase();
    if (!/^[a-z]{4,}$/.test(w)) continue;
    const limit = w.length >= 6 ? 2 : 1;
    let best: string | undefined;
    let bestD = Infinity;
    let tie = false;
    for (const k of words) {
      // Typos seldom hit the first letter; requiring it keeps "mall" from reading as "tmall".
      if (Math.abs(k.length - w.length) > limit || k[0] !== w[0]) continue;
      const d = distance(w, k);
      if (d > limit) continue;
      // Closest first; between equals, the one of the same length (ordres → orders, not order).
      const score = d * 10 + Math.abs(k.length - w.length);
      if (score < bestD) [best, bestD, tie] = [k, score, false];
      else if (score === bestD && k !== best) tie = true;
    }
    // A known word that is out of place (d = 0) is no typo: the second scan may still place it.
    if (best === undefined || bestD === 0 || tie) continue;
    guesses.unshift({ typed, read: best });
    fixed = fixed.slice(0, u.start) + best + fixed.slice(u.end);
  }
  const result = guesses.length ? scanOnce(rules, fixed) : first;
  // Odd capitals (GMv) are read too, and said so.
  for (const t of result.tokens) {
    for (const word of t.text.split(/\s+/)) {
      if (oddCase(word)) guesses.push({ typed: word, read: ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase() });
    }
  }
  return { tokens: result.tokens, unknown: result.unknown, guesses };
}
