// What busy people type: full-width digits and letters from Chinese input methods,
// a leading slash from Telegram habits, stray spaces, invisible zero-width characters. Fold it all before matching.

export function normalizeText(raw: string): string {
  let s = raw.replace(/[\uff01-\uff5e]/g, (c) => {
    const folded = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    // Keep Chinese punctuation that carries meaning in phrases (，：) as is; fold the rest.
    return /[0-9A-Za-z#@+\-/.%~]/.test(folded) ? folded : c;
  });
  // Zero-width characters come with text pasted from a bot answer (its mentions are kept inert that way).
  s = s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
  s = s.replace(/\u3000/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^\/(\S+?)(@\w+)?(\s|$)/, '$1$3'); // "/gmv@store_bot today" → "gmv today"
  return s.trim();
}
