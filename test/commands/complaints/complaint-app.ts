import type { Reply } from '../../../src/chat/reply.ts';
import { consoleWorld } from '../../support/console-world.ts';

// The bot with a cs agent (alice), a cs lead (lee), an ops manager (mo), brand/PR (pat) and a
// plain staff member (sam); a clock the test moves; the engine's tick printing to a terminal chat.

export async function complaintApp(startIso: string, lang: 'zh' | 'en' = 'zh') {
  const world = await consoleWorld({ start: startIso, lang, grants: [['console:alice', 'cs_agent'], ['console:lee', 'cs_lead'], ['console:mo', 'ops_manager'], ['console:pat', 'brand_pr']] });
  return { app: world.app, say: world.say, dm: world.dm, tick: (iso: string) => world.tick(iso), at: world.setNow };
}

/** Everything a reply says, as plain text (tables included). */
export const said = (r: Reply) =>
  r.blocks
    .map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : b.type === 'figures' ? b.items.map((i) => `${i.label} ${i.value}`).join(' · ') : ''))
    .join('\n');
