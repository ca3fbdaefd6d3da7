import { describe, expect, it } from 'vitest';
import { askConfirmation, defineConfirmable } from '../../../src/features/confirm/pending-confirmations.ts';
import { features } from '../../../src/features/index.ts';
import type { Feature } from '../../../src/bot/feature.ts';
import type { CommandContext } from '../../../src/bot/spec.ts';
import { text } from '../../../src/chat/reply.ts';
import { memberApp } from '../members/member-app.ts';

// The shared "preview, then confirm" helper: one pending action per user and conversation,
// run once however fast 确认 arrives twice, refused to a user without the role.

let applied: unknown[] = [];
const counting = defineConfirmable<{ n: number }>({
  kind: 'test.count',
  roles: ['community'],
  apply: (ctx, payload) => {
    applied.push(payload);
    return { lang: ctx.lang, blocks: [text('done')], data: { done: payload.n } };
  },
});

// A feature of the test's own that only declares the confirmable: `confirm` finds it through the list.
const withCounting: Feature[] = [...features, { name: 'counting', commands: [], confirmables: [counting] }];

async function ask(bot: Awaited<ReturnType<typeof memberApp>>, user: string, n: number) {
  const ctx: CommandContext = { incoming: { platform: 'console', conversation: 'console:ops-room', user, direct: false }, lang: 'en', services: bot.app.services, roles: bot.app.services.roles.rolesOf(user) };
  return askConfirmation(ctx, { kind: 'test.count', payload: { n }, minutes: 10, preview: { lang: 'en', blocks: [text(`will do ${n}`)] } });
}

describe('pending confirmations', () => {
  it('runs the action once when confirm arrives twice at the same moment', async () => {
    applied = [];
    const bot = await memberApp('2026-11-27T10:00:00+08:00', [], 'zh', withCounting);
    const preview = await ask(bot, 'console:cm', 1);
    expect(preview.data).toMatchObject({ pending: { kind: 'test.count' } });
    const [a, b] = await Promise.all([bot.say('cm', 'confirm'), bot.say('cm', '确认')]);
    expect(applied).toEqual([{ n: 1 }]);
    expect([a.data, b.data]).toEqual(expect.arrayContaining([{ done: 1 }, expect.objectContaining({ error: 'confirm_none' })]));
  });

  it('keeps only the newest preview per user and conversation, and checks the role at confirm time', async () => {
    applied = [];
    const bot = await memberApp('2026-11-27T10:00:00+08:00', [], 'zh', withCounting);
    await ask(bot, 'console:cm', 1);
    await ask(bot, 'console:cm', 2);
    expect((await bot.say('cm', 'confirm')).data).toEqual({ done: 2 });
    await ask(bot, 'console:sam', 3);
    expect((await bot.say('sam', 'confirm')).data).toMatchObject({ error: 'forbidden', needs: ['community'] });
    expect(applied).toEqual([{ n: 2 }]);
  });

  it('stores the pending action in the DocStore, so it outlives the process', async () => {
    const bot = await memberApp('2026-11-27T10:00:00+08:00', [], 'zh', withCounting);
    await ask(bot, 'console:cm', 4);
    const doc = await bot.app.services.docs.open<{ pending: Record<string, { payload: unknown }> }>('confirm/pending', { pending: {} });
    expect(Object.values(doc.data.pending).map((p) => p.payload)).toEqual([{ n: 4 }]);
  });
});
