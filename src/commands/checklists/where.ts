import type { Incoming } from '../incoming.ts';

/** The conversation and thread a feature should answer in later: the thread asked in, else the asking message. */
export const whereOf = (i: Incoming) => ({ conversation: i.conversation, ...(i.thread ?? i.messageId ? { thread: i.thread ?? i.messageId } : {}) });

/** A DM conversation for a qualified user id: `slack:U1` → `slack:dm:U1`. */
export const dmOf = (user: string) => {
  const [platform, ...rest] = user.split(':');
  return `${platform}:dm:${rest.join(':')}`;
};

/** `@bob` (in the asker's platform) or a qualified id `slack:U0123` → a qualified user id. */
export function userRef(typed: string, platform: string): string | undefined {
  const t = typed.trim();
  if (/^[a-z]+:[^\s:]+/.test(t) && !t.startsWith('@')) return t;
  const m = /^@?([^\s@]+)$/.exec(t);
  return m && t.startsWith('@') ? `${platform}:${m[1]}` : undefined;
}
