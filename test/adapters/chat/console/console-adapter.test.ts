import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../../src/platforms/console/console-adapter.ts';
import type { Reply } from '../../../../src/chat/reply.ts';

// The terminal chat's own behaviour: what the bot prints on its own redraws the prompt, so the
// person sees where to type; a message arriving while a line is answered does not add a stray one.

function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += c));
  const adapter = new ConsoleAdapter({ user: 'alice', input, output, lang: 'en' });
  return { input, adapter, out: () => out, clear: () => void (out = '') };
}

const tick = () => new Promise((r) => setImmediate(r));
const reply = (text: string): Reply => ({ lang: 'en', blocks: [{ type: 'text', text }] });

describe('the terminal chat', () => {
  it('redraws the prompt after a message the bot sends on its own, only while the person is at the prompt', async () => {
    const t = terminal();
    let release: () => void = () => {};
    const done = t.adapter.start(async (incoming) => {
      await new Promise<void>((r) => (release = r));
      return reply(`you said ${incoming.text}`);
    });
    await tick();
    expect(t.out()).toBe('alice> ');
    t.clear();
    await t.adapter.send({ conversation: 'console:ops-room' }, reply('🚨 Complaint #1 missed its deadline'));
    expect(t.out()).toBe('\n📣 bot → console:ops-room\n     🚨 Complaint #1 missed its deadline\nalice> ');

    // While a line is being answered, a notice prints without a prompt; the answer brings it back once.
    t.input.write('hello\n');
    await tick();
    t.clear();
    t.adapter.notice('📥 imported 2 orders from november.csv');
    expect(t.out()).toBe('\n📥 imported 2 orders from november.csv\n');
    release();
    await tick();
    await tick();
    expect(t.out().match(/alice> /g)).toHaveLength(1);
    t.input.end();
    await done;
  });

  it(':as with no name says how to use it instead of the bot not understanding', async () => {
    const t = terminal();
    const done = t.adapter.start(async () => reply('not reached'));
    t.input.end(':as\n:as bob\n:adm\n');
    await done;
    expect(t.out()).toContain('(:as needs the name to type as, like ":as bob"; you are console:alice)');
    expect(t.out()).toContain('(now typing as console:bob)');
    expect(t.out()).toContain('(There is no terminal command :adm. Try :as NAME, :admin or :quit.)');
    expect(t.out()).not.toContain('not reached');
  });
});
