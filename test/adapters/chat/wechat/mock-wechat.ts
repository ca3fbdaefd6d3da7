import { WechatyBuilder } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { IncomingHandler } from '../../../../src/chat/chat-adapter.ts';
import { WechatAdapter, type WechatAdapterOptions } from '../../../../src/platforms/wechat/wechat-adapter.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import type { DocStore } from '../../../../src/domain/ports.ts';

// The real Wechaty over wechaty-puppet-mock: a logged-in bot, two people and a
// WeCom-style room. `talk` makes someone say something and waits until the
// adapter has dealt with it; `heard` is what the bot wrote where.

type ContactMock = InstanceType<mock.Mocker['ContactMock']>;
type RoomMock = InstanceType<mock.Mocker['RoomMock']>;

export interface Said {
  to: string;
  text: string;
  mentions: string[];
  /** When it arrived, by the adapter's clock. */
  at: number;
  /** A file the bot sent (a chart), as the puppet received it. */
  file?: { name: string; bytes: Buffer };
}

export async function mockWechat(handler: IncomingHandler, opts: Partial<WechatAdapterOptions> & { docs?: DocStore; puppet?: (mocker: mock.Mocker) => PuppetMock } = {}) {
  const mocker = new mock.Mocker();
  const wechaty = WechatyBuilder.build({ puppet: opts.puppet ? opts.puppet(mocker) : new PuppetMock({ mocker }) });
  const outcomes = new Map<string, string>();
  const waiters: (() => void)[] = [];
  const docs = opts.docs ?? new MemoryDocStore();
  const adapter = new WechatAdapter({
    wechaty,
    docs,
    log: silentLogger,
    showQr: () => {},
    ...opts,
    observe: (id, outcome) => {
      outcomes.set(id, outcome);
      waiters.splice(0).forEach((w) => w());
    },
  });
  await adapter.start(handler);
  const me = mocker.createContact({ id: 'wxid_opsbot', name: '运营助手' });
  mocker.login(me);
  const alice = mocker.createContact({ id: 'wxid_alice', name: '小王' });
  const bob = mocker.createContact({ id: 'wxid_bob', name: '老李' });
  const room = mocker.createRoom({ id: 'R1@chatroom', topic: '运营群', memberIdList: [me.id, alice.id, bob.id] });

  const heard: Said[] = [];
  const listen = (where: ContactMock | RoomMock, to: string) =>
    (where as unknown as NodeJS.EventEmitter).on('message', (m: { payload: { id: string; talkerId: string; text?: string; mentionIdList?: string[] } }) => {
      const box = mocker.cacheFileBoxPayload.get(m.payload.id) as { name?: string; base64?: string } | undefined;
      const file = box?.base64 ? { file: { name: box.name ?? '', bytes: Buffer.from(box.base64, 'base64') } } : {};
      if (m.payload.talkerId === me.id) heard.push({ to, text: m.payload.text ?? '', mentions: m.payload.mentionIdList ?? [], at: (opts.clock?.now() ?? new Date()).getTime(), ...file });
    });
  listen(room, 'room');
  listen(alice, 'alice');
  listen(bob, 'bob');

  /** Someone says `text` in the room (mentioning `mentions`) or to the bot; resolves with the adapter's outcome. */
  async function talk(who: ContactMock, text: string, where: 'room' | 'dm', mentions: ContactMock[] = []): Promise<string> {
    const before = new Set(outcomes.keys());
    who.say(text, mentions).to(where === 'room' ? room : me);
    for (;;) {
      const fresh = [...outcomes.keys()].find((id) => !before.has(id) && mocker.cacheMessagePayload.get(id)?.talkerId === who.id);
      if (fresh) return outcomes.get(fresh)!;
      await new Promise<void>((r) => waiters.push(r));
    }
  }

  /** Waits for the adapter's outcome for a message the test put in the mocker itself. */
  async function outcomeOf(id: string): Promise<string> {
    while (!outcomes.has(id)) await new Promise<void>((r) => waiters.push(r));
    return outcomes.get(id)!;
  }

  return { outcomeOf, mocker, wechaty, adapter, docs, me, alice, bob, room, heard, talk, stop: () => adapter.stop() };
}
