import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dmOf, type Address } from '../../../src/chat/address.ts';
import type { ChatAdapter, Sent, Target } from '../../../src/chat/chat-adapter.ts';
import type { PlatformContext, PlatformModule } from '../../../src/chat/platform-module.ts';
import type { Reply } from '../../../src/chat/reply.ts';
import { MemoryDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';
import { Dispatcher } from '../../../src/outbound/dispatcher.ts';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import { NoticeOutbox } from '../../../src/outbound/notice-outbox.ts';
import { groupRuleOf, Pacer, pacingOf } from '../../../src/outbound/pacing.ts';
import { buildChatAdapters, PLATFORMS } from '../../../src/platforms/index.ts';
import { fakeTime, notice } from '../outbound/fakes.ts';

// Adding a platform is a folder exporting a PlatformModule and one line in the list. Here a
// made-up platform ("pigeon") is that one line, and is built, addressed and paced like the others.

class PigeonAdapter implements ChatAdapter {
  readonly platform = 'pigeon';
  readonly sent: { target: Target; reply: Reply }[] = [];
  constructor(readonly ctx: PlatformContext) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(target: Target, reply: Reply): Promise<Sent> {
    const to = pigeon.address.decode(target.conversation);
    if (!to) throw new Error(`not a pigeon conversation: ${target.conversation}`);
    this.sent.push({ target, reply });
    return { messageId: `p${this.sent.length}` };
  }
}

const pigeon: PlatformModule<'pigeon'> = {
  name: 'pigeon',
  address: {
    platform: 'pigeon',
    encode: (a) => (a.kind === 'dm' ? `pigeon:dm:${a.id}` : `pigeon:loft:${a.id}`),
    decode(conversation) {
      const m = /^pigeon:(dm|loft):(\w+)$/.exec(conversation);
      return m ? { platform: 'pigeon', kind: m[1] === 'dm' ? 'dm' : 'group', id: m[2] } : undefined;
    },
  },
  pacing: [
    { scope: 'conversation', count: 1, perMs: 1000 },
    { scope: 'group', count: 2, perMs: 60_000 },
  ],
  isGroup: (a) => a.kind === 'group',
  repeatsWithinMs: 3_600_000,
  fromConfig: async (ctx) => new PigeonAdapter(ctx),
};

const withPigeon = [...PLATFORMS, pigeon];

describe('the platform list', () => {
  it('builds a platform added as one line, over the caller’s doc store, with its own persisted seen-before', async () => {
    const docs = new MemoryDocStore();
    const adapters = await buildChatAdapters(loadConfig({ DATA_DIR: '/nonexistent' }), silentLogger, { docs }, withPigeon);
    expect(adapters.map((a) => a.platform)).toEqual(['pigeon']);
    const built = adapters[0] as PigeonAdapter;
    expect(built.ctx.docs).toBe(docs);
    expect(await built.ctx.seen.seen('msg:1')).toBe(false);
    const again = (await buildChatAdapters(loadConfig({ DATA_DIR: '/nonexistent' }), silentLogger, { docs }, withPigeon))[0] as PigeonAdapter;
    expect(await again.ctx.seen.seen('msg:1')).toBe(true); // a restart over the same store still knows it
    expect(await docs.list('pigeon/')).toEqual(['pigeon/seen']);
  });

  it('paces it by its own limits and group rule', () => {
    const pacer = new Pacer(pacingOf(withPigeon), 1, 0, groupRuleOf(withPigeon));
    for (let i = 0; i < 2; i++) pacer.record('pigeon:loft:ops', i * 1000);
    expect(pacer.waitMs('pigeon:loft:ops', 2000)).toBe(58_000); // two a minute in a loft
    for (let i = 0; i < 2; i++) pacer.record('pigeon:dm:carol', i * 1000);
    expect(pacer.waitMs('pigeon:dm:carol', 2000)).toBe(0); // a DM is not a group
    expect(pacingOf(withPigeon).pigeon).toEqual(pigeon.pacing);
    // The built-in platforms keep theirs, and Telegram still knows its groups by their negative ids.
    expect(groupRuleOf(withPigeon)('telegram:-100123')).toBe(true);
    expect(groupRuleOf(withPigeon)('telegram:123')).toBe(false);
  });

  it('delivers a notice to a person’s DM through it, addressed by the chat kit’s DM rule', async () => {
    const time = fakeTime('2026-11-27T01:00:00Z');
    const store = JournalOutboxStore.memory();
    const adapter = (await buildChatAdapters(loadConfig({ DATA_DIR: '/nonexistent' }), silentLogger, { docs: new MemoryDocStore() }, withPigeon))[0] as PigeonAdapter;
    const dispatcher = new Dispatcher({ store, adapters: new Map([[adapter.platform, adapter]]), pacing: pacingOf(withPigeon), clock: time.clock, sleep: time.sleep });
    await new NoticeOutbox(store, time.clock).enqueue(notice('hello', dmOf('pigeon:carol'), '2026-11-27T01:00:00Z'));
    const report = await dispatcher.drain();
    expect(report.sent.map((e) => e.key)).toEqual(['hello']);
    expect(adapter.sent.map((s) => pigeon.address.decode(s.target.conversation))).toEqual([{ platform: 'pigeon', kind: 'dm', id: 'carol' }]);
  });

  it('lists every platform folder, and each codec reads back what it writes, DMs by the chat kit’s rule', () => {
    const folders = readdirSync('src/platforms').filter((f) => statSync(`src/platforms/${f}`).isDirectory());
    expect(PLATFORMS.map((p) => p.name).sort()).toEqual(folders.sort());
    const samples: Record<string, string[]> = {
      slack: ['slack:C0123', 'slack:dm:U0123'],
      telegram: ['telegram:-100123', 'telegram:-100123:7', 'telegram:dm:42', 'telegram:@storeops'],
      wechat: ['wechat:room:R1@chatroom', 'wechat:dm:wxid_abc'],
      wecom: ['wecom:wrOpsRoom01', 'wecom:dm:zhangsan', 'wecom:hook:OPS'],
      console: ['console:ops-room', 'console:dm:alice'],
    };
    const people: Record<string, string> = { slack: 'U0123', telegram: '42', wechat: 'wxid_abc', wecom: 'zhangsan', console: 'alice' };
    for (const p of PLATFORMS) {
      for (const conversation of samples[p.name]) {
        const address = p.address.decode(conversation) as Address;
        expect(address.platform).toBe(p.name);
        expect(p.address.encode(address)).toBe(conversation);
      }
      expect(p.address.decode(dmOf(`${p.name}:${people[p.name]}`))).toEqual({ platform: p.name, kind: 'dm', id: people[p.name] });
      expect(p.address.decode(`other:${p.name}`)).toBeUndefined();
    }
  });
});
