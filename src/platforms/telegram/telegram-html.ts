// Telegram's HTML parse mode: only &, < and > need escaping, and a message may hold
// at most 4096 characters. Long answers are cut between lines, and a cut inside a
// <pre> or <b> closes the tag and opens it again in the next message, so every
// message is well-formed on its own.

export const TELEGRAM_LIMIT = 4096;

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Escapes for a double-quoted attribute (href). */
export const escapeAttr = (s: string) => escapeHtml(s).replace(/"/g, '&quot;');

/** One block of a message: raw lines wrapped in a pair of tags (or none). */
export interface Piece {
  open: string;
  close: string;
  /** Raw text lines, escaped when assembled (unless `html`). */
  lines: string[];
  /** The lines are already HTML (links built by the renderer); they are never cut inside. */
  html?: boolean;
}

const SEPARATOR = '\n\n';

function body(p: Piece, lines: string[]): string {
  return p.open + lines.map((l) => (p.html ? l : escapeHtml(l))).join('\n') + p.close;
}

/** Cuts one raw line so each part, escaped, fits in `room` characters (never inside an entity or a surrogate pair). */
function cutLine(line: string, room: number): string[] {
  const out: string[] = [];
  let cur = '';
  let len = 0;
  for (const ch of line) {
    const w = escapeHtml(ch).length;
    if (len + w > room && cur) {
      out.push(cur);
      cur = '';
      len = 0;
    }
    cur += ch;
    len += w;
  }
  if (cur || out.length === 0) out.push(cur);
  return out;
}

/** Splits a piece that is too long on its own into pieces that each fit. */
function splitPiece(p: Piece, limit: number): Piece[] {
  const room = limit - p.open.length - p.close.length;
  const lines = p.html ? p.lines : p.lines.flatMap((l) => (escapeHtml(l).length > room ? cutLine(l, room) : [l]));
  const out: Piece[] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (cur.length && body(p, [...cur, l]).length > limit) {
      out.push({ ...p, lines: cur });
      cur = [];
    }
    cur.push(l);
  }
  if (cur.length) out.push({ ...p, lines: cur });
  return out;
}

/** Packs pieces into as few messages as fit under `limit`, cutting only between pieces or lines. */
export function packMessages(pieces: Piece[], limit = TELEGRAM_LIMIT): string[] {
  const messages: string[] = [];
  let cur = '';
  for (const piece of pieces) {
    for (const part of body(piece, piece.lines).length > limit ? splitPiece(piece, limit) : [piece]) {
      const html = body(part, part.lines);
      if (cur && cur.length + SEPARATOR.length + html.length > limit) {
        messages.push(cur);
        cur = '';
      }
      cur = cur ? cur + SEPARATOR + html : html;
    }
  }
  if (cur) messages.push(cur);
  return messages;
}
