import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApp } from '../../src/app/compose.ts';
import type { Incoming } from '../../src/chat/incoming.ts';
import { text } from '../../src/chat/reply.ts';
import { loadConfig } from '../../src/config.ts';
import type { Logger } from '../../src/domain/log.ts';
import { silentLogger } from '../../src/domain/log.ts';
import { problem } from '../../src/bot/errors.ts';
import { logHandled } from '../../src/bot/pipeline/log-handled.ts';
import { compose, MessageContext, type Step } from '../../src/bot/pipeline/step.ts';
import { Registry } from '../../src/bot/registry.ts';
import { Bot } from '../../src/bot/router.ts';
import type { Services } from '../../src/bot/services.ts';
import { defineCommand } from '../../src/bot/spec.ts';

// The message pipeline as steps: a cross-cutting step is one `bot.use(step)`, and the one every
// bot has, a debug line per message, names the command, how it ended and how long it took.

let services: Services;
let clock = 0;

const spec = (id: string, extra: Partial<Parameters<typeof defineCommand>[0]> = {}) =>
  defineCommand({
    id,
    phrases: { zh: [], en: [id] },
    summary: { zh: id, en: id },
    examples: { zh: [`${id} x`], en: [`${id} x`] },
    role: 'staff',
    args: z.object({ word: z.string().min(1) }),
    parse: (rest) => ({ word: rest }),
    handle: (ctx, args) => ({ lang: ctx.lang, blocks: [text(`${id}: ${(args as { word: string }).word}`)] }),
    ...extra,
  });

const registry = () =>
  new Registry().add(
    spec('echo'),
    spec('slow', { handle: (ctx) => ((clock += 250), { lang: ctx.lang, blocks: [text('done')] }) }),
    spec('boom', { handle: () => Promise.reject(new Error('disk on fire')) }),
    spec('picky', { handle: () => Promise.reject(problem('picky', '不行', 'no')) }),
    spec('secret', { role: 'admin' }),
  );

const said = (user: string, words: string): Incoming => ({ platform: 'console', conversation: 'console:ops-room', user: `console:${user}`, direct: false, text: words });

function debugLines(): Logger & { lines: { obj: Record<string, unknown>; msg?: string }[] } {
  const lines: { obj: Record<string, unknown>; msg?: string }[] = [];
  return { ...silentLogger, lines, debug: (obj, msg) => void lines.push({ obj: obj as Record<string, unknown>, msg }) };
}

beforeAll(async () => {
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', BOT_LANG: 'en', LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
  services = app.services;
});

describe('message pipeline', () => {
  it('logs one debug line per message: the command, how it ended and how long it took', async () => {
    const log = debugLines();
    const bot = new Bot(services, registry(), silentLogger).use(logHandled(log, () => clock));
    for (const words of ['echo hi', 'slow x', 'what is this', 'secret x', 'echo', 'boom x', 'picky x']) await bot.handle(said('alice', words));
    expect(log.lines.map((l) => [l.obj.command, l.obj.outcome, l.obj.ms, l.msg])).toEqual([
      ['echo', 'ok', 0, 'message handled'],
      ['slow', 'ok', 250, 'message handled'],
      [null, 'not_understood', 0, 'message handled'],
      ['secret', 'forbidden', 0, 'message handled'],
      ['echo', 'bad_args', 0, 'message handled'],
      ['boom', 'internal', 0, 'message handled'],
      ['picky', 'picky', 0, 'message handled'],
    ]);
    expect(log.lines[0].obj).toMatchObject({ platform: 'console', conversation: 'console:ops-room' });
  });

  it('every bot has the log step, on its own logger', async () => {
    const log = debugLines();
    const reply = await new Bot(services, registry(), log).handle(said('alice', 'echo hi'));
    expect(reply.blocks).toEqual([text('echo: hi')]);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0].obj).toMatchObject({ command: 'echo', outcome: 'ok' });
    expect(typeof log.lines[0].obj.ms).toBe('number');
  });

  it('a step added with use() runs around the answering steps, in the order added, knowing the language and roles', async () => {
    const seen: string[] = [];
    const tag =
      (name: string): Step =>
      async (ctx, next) => {
        seen.push(`${name} in ${ctx.lang} ${ctx.roles.join('+')} ${ctx.match ? 'matched' : 'unmatched'}`);
        await next();
        seen.push(`${name} out ${ctx.match?.spec.id} ${ctx.reply?.blocks.length}`);
      };
    const bot = new Bot(services, registry(), silentLogger).use(tag('a')).use(tag('b'));
    await bot.handle(said('admin', '今天 echo'));
    await bot.handle(said('bob', 'echo hi'));
    expect(seen).toEqual(['a in zh staff+admin unmatched', 'b in zh staff+admin unmatched', 'b out undefined 3', 'a out undefined 3', 'a in en staff unmatched', 'b in en staff unmatched', 'b out echo 1', 'a out echo 1']);
  });

  it('a step that answers without calling next ends the message there (a rate limit would)', async () => {
    let handled = 0;
    const limit: Step = async (ctx, next) => {
      if (ctx.incoming.user === 'console:spammer') ctx.reply = { lang: ctx.lang, blocks: [text('slow down')], data: { error: 'rate_limited' } };
      else await next();
    };
    const reg = new Registry().add(spec('count', { handle: (ctx) => (handled++, { lang: ctx.lang, blocks: [text('counted')] }) }));
    const log = debugLines();
    const bot = new Bot(services, reg, log).use(limit);
    expect((await bot.handle(said('spammer', 'count x'))).blocks).toEqual([text('slow down')]);
    expect((await bot.handle(said('alice', 'count x'))).blocks).toEqual([text('counted')]);
    expect(handled).toBe(1);
    // The log step was added first, so it is outside the limit and sees the refusal.
    expect(log.lines.map((l) => l.obj.outcome)).toEqual(['rate_limited', 'ok']);
  });

  it('refuses a step that calls next twice', async () => {
    const twice: Step = async (_ctx, next) => {
      await next();
      await next();
    };
    await expect(compose([twice])(new MessageContext(said('alice', 'x'), services))).rejects.toThrow(/next\(\) twice/);
  });
});
