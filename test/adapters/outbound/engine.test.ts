import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app/compose.ts';
import { ConsoleAdapter } from '../../../src/platforms/console/console-adapter.ts';
import { OutboundEngine } from '../../../src/outbound/scheduler/engine.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';

// The engine as `npm start` runs it: a command queues work, the nudge after it sends it into the chat.

describe('OutboundEngine', () => {
  it('recovers, ticks after a command and prints what the bot sends first into the terminal chat', async () => {
    const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', BOT_NOW: '2026-11-26T09:30:00+08:00', LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c) => (printed += c));
    const console_ = new ConsoleAdapter({ user: 'admin', output, prompt: false });
    // A brief subscribed yesterday: today's 09:00 slot is due and not yet sent.
    const doc = await app.services.docs.open('brief/subscriptions', { subs: {} as Record<string, unknown> });
    doc.data.subs['console:ops-room'] = { conversation: 'console:ops-room', time: '09:00', lang: 'en', since: '2026-11-25T02:00:00.000Z', by: 'console:admin' };
    await doc.write();
    const engine = await OutboundEngine.start(app, [console_]);
    await engine.tick();
    await engine.idle();
    expect(printed).toContain('📣 bot → console:ops-room');
    expect(printed).toContain('daily brief · 2026-11-25');
    expect(printed).toContain('(late by 30m)');
    await engine.tick();
    await engine.idle();
    expect(printed.match(/📣/g)).toHaveLength(1);
    await engine.stop();
  });
});
