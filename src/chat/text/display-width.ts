import stringWidth from 'string-width';

// string-width segments graphemes (~40 µs a call, milliseconds a table). Chat answers are
// plain text with CJK and a few symbols, so summing cached per-character widths gives the
// same columns for a fraction of the cost; printable ASCII is just its length.
const charWidth = new Map<string, number>();

export function displayWidth(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let w = 0;
  for (const ch of s) {
    let c = charWidth.get(ch);
    if (c === undefined) charWidth.set(ch, (c = stringWidth(ch)));
    w += c;
  }
  return w;
}
