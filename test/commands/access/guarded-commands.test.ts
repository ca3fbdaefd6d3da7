import { describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app/compose.ts';
import type { CommandSpec } from '../../../src/bot/spec.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';

// Deny by default: every command that needs more than staff, as registered by any feature,
// refuses a plain staff member and names the role it needs; once granted, it is not refused.

const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', BOT_NOW: '2026-11-27T10:00:00+08:00', LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
const guarded = app.bot.registry.specs.filter((s) => s.role !== 'staff');

/** A message that routes to this spec: its first example if it does, else its phrase. */
function messageFor(spec: CommandSpec<unknown>, lang: 'zh' | 'en'): string {
  for (const text of [...spec.examples[lang], ...spec.phrases[lang].map((p) => `${p} 1`)]) {
    if (app.bot.registry.match(text)?.spec.id === spec.id) return text;
  }
  throw new Error(`no ${lang} message reaches ${spec.id}`);
}

const ask = (user: string, text: string) => app.bot.handle({ platform: 'console', conversation: 'console:ops-room', user, direct: false, text });

describe('guarded commands', () => {
  it('include the engine\'s own (grant, revoke, audit, outbox retry, brief)', () => {
    expect(guarded.map((s) => s.id)).toEqual(expect.arrayContaining(['grant', 'revoke', 'audit', 'outbox.retry', 'brief']));
  });

  for (const spec of guarded) {
    it(`${spec.id} refuses a staff member and names ${spec.role}, in both languages`, async () => {
      for (const lang of ['zh', 'en'] as const) {
        const text = messageFor(spec, lang);
        const reply = await ask('console:mallory', text);
        expect(reply.data, `${lang}: ${text}`).toMatchObject({ error: 'forbidden', command: spec.id, needs: spec.role });
        const shown = reply.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
        expect(shown).toContain(spec.role);
      }
    });
  }

  it('lets the same user through once an admin grants the role', async () => {
    for (const spec of guarded) {
      const user = `console:trusted-${spec.id.replace(/\W/g, '-')}`;
      const text = messageFor(spec, 'en');
      expect((await ask(user, text)).data).toMatchObject({ error: 'forbidden' });
      const granted = await ask('console:admin', `grant ${user} ${spec.role}`);
      expect(granted.data).toMatchObject({ changed: true });
      const after = await ask(user, text);
      expect((after.data as { error?: string } | undefined)?.error, `${spec.id} after grant`).not.toBe('forbidden');
    }
  });
});
