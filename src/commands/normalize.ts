// What busy people type: full-width digits and letters from Chinese input methods,
// a leading slash from Telegram habits, stray spaces. Fold it all before matching.

export function normalizeText(raw: string): string {
  let s = raw.replace(/[\uff01-\uff5e]/g, (c) => {
    const folded = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    // Keep Chinese punctuation that carries meaning in phrases (，：) as is; fold the rest.
    return /[0-9A-Za-z#@+\-/.%~]/.test(folded) ? folded : c;
  });
  s = s.replace(/\u3000/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^\/(\S+?)(@\w+)?(\s|$)/, '$1$3'); // "/gmv@store_bot today" → "gmv today"
  return s.trim();
}
