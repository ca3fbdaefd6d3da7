/** `@bob` (in the asker's platform) or a qualified id `slack:U0123` → a qualified user id. */
export function userRef(typed: string, platform: string): string | undefined {
  const t = typed.trim();
  if (/^[a-z]+:[^\s:]+/.test(t) && !t.startsWith('@')) return t;
  const m = /^@?([^\s@]+)$/.exec(t);
  return m && t.startsWith('@') ? `${platform}:${m[1]}` : undefined;
}
