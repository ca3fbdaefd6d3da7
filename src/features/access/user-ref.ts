import type { Platform } from '../../chat/incoming.ts';

// Who a grant is for: a qualified id (`console:bob`, `slack:U0123`, the form adapters give
// mentions), an @mention (`@bob`), or a bare name, the last two on the speaker's platform.

const QUALIFIED = /^[a-z]+:[^\s:][^\s]*$/;

export function readUserRef(word: string, platform: Platform): string | undefined {
  const w = word.trim().replace(/^<@([^>|]+)(\|[^>]*)?>$/, 'slack:$1');
  if (QUALIFIED.test(w) && !w.startsWith('http')) return w;
  const bare = w.replace(/^@/, '');
  return /^[\w.\-\u3400-\u9fff]+$/.test(bare) ? `${platform}:${bare}` : undefined;
}
