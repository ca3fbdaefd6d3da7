import { afterEach, describe, expect, it } from 'vitest';
import { WechatyBuilder } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { SendError, type Target } from '../../../../src/chat/chat-adapter.ts';
import { WechatAdapter } from '../../../../src/platforms/wechat/wechat-adapter.ts';
import { Dispatcher } from '../../../../src/outbound/dispatcher.ts';
import { JournalOutboxStore } from '../../../../src/outbound/journal-outbox-store.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import type { Incoming } from '../../../../src/chat/incoming.ts';
import { replyOf, text, type Reply } from '../../../../src/chat/reply.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import type { Clock } from '../../../../src/domain/ports.ts';
import { mockWechat } from './mock-wechat.ts';

// The bot speaking first: through the outbound dispatcher to rooms and contacts,
// paced on a virtual clock, failures reported by kind.

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.map((s) => s()));
  stops = [];
});

function virtualTime(start = Date.parse('2026-11-27T02:00:00Z')) {
  const v = { t: start, clock: { now: () => new Date(v.t) } as Clock, sleep: async (ms: number) => void (v.t += ms) };
  return v;
}

async function setup(handler = async (i: Incoming) => replyOf('zh', text(`收到 ${i.action ? `${i.action.id} ${i.action.value}` : i.text}`)), clock?: Clock) {
  const w = await mockWechat(handler, clock ? { clock } : {});
  stops.push(w.stop);
  return w;
}

describe('WeChat sends through the outbound dispatcher', () => {
  it('delivers to a room and a contact in order, one per conversation every 3 s', async () => {
    const v = virtualTime();
    const w = await setup(undefined, v.clock);
    const store = JournalOutboxStore.memory();
    const entries = ['早报 1/3', '早报 2/3', '早报 3/3'].map((m, i) => ({ key: `brief:${i}`, kind: 'test', conversation: 'wechat:room:R1@chatroom', payload: replyOf('zh', text(m)), dueAt: v.clock.now().toISOString() }));
    entries.push(...['券 A', '券 B'].map((m, i) => ({ key: `coupon:${i}`, kind: 'test', conversation: 'wechat:dm:wxid_alice', payload: replyOf('zh', text(m)), dueAt: v.clock.now().toISOString() })));
    await store.add(entries, v.clock.now());
    // When each send starts, by the virtual clock (arrival stamps would drift while time jumps ahead).
    const started: { conversation: string; at: number }[] = [];
    const sender = { platform: 'wechat', send: (t: Target, r: Reply) => (started.push({ conversation: t.conversation, at: v.t }), w.adapter.send(t, r)) };
    const report = await new Dispatcher({ store, adapters: { wechat: sender }, clock: v.clock, sleep: v.sleep, log: silentLogger }).drain();
    expect(report.sent).toHaveLength(5);
    expect(report.sent.every((e) => e.messageId)).toBe(true);
    const room = w.heard.filter((h) => h.to === 'room');
    const alice = w.heard.filter((h) => h.to === 'alice');
    expect(room.map((h) => h.text)).toEqual(['早报 1/3', '早报 2/3', '早报 3/3']);
    expect(alice.map((h) => h.text)).toEqual(['券 A', '券 B']);
    for (const c of ['wechat:room:R1@chatroom', 'wechat:dm:wxid_alice']) {
      const at = started.filter((s) => s.conversation === c).map((s) => s.at);
      for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(3000);
    }
    // After the pushes, both conversations are remembered for speaking first again.
    expect((await w.adapter.conversations.list()).map((c) => c.conversation)).toEqual(['wechat:dm:wxid_alice', 'wechat:room:R1@chatroom']);
  });

  it('never sends more than 20 a minute across conversations', async () => {
    const v = virtualTime();
    const w = await setup(undefined, v.clock);
    const people = Array.from({ length: 24 }, (_, i) => w.mocker.createContact({ id: `wxid_m${i}`, name: `会员${i}` }));
    const store = JournalOutboxStore.memory();
    await store.add(people.map((p) => ({ key: `push:${p.id}`, kind: 'test', conversation: `wechat:dm:${p.id}`, payload: replyOf('zh', text('会员日优惠')), dueAt: v.clock.now().toISOString() })), v.clock.now());
    const times: number[] = [];
    let arrived = 0;
    for (const p of people) (p as unknown as NodeJS.EventEmitter).on('message', (m: { payload: { talkerId: string } }) => void (m.payload.talkerId === w.me.id && arrived++));
    const sender = { platform: 'wechat', send: (t: Target, r: Reply) => (times.push(v.t), w.adapter.send(t, r)) };
    await new Dispatcher({ store, adapters: { wechat: sender }, clock: v.clock, sleep: v.sleep, log: silentLogger }).drain();
    expect(arrived).toBe(24);
    expect(times).toHaveLength(24);
    times.sort((a, b) => a - b);
    for (let i = 20; i < times.length; i++) expect(times[i] - times[i - 20]).toBeGreaterThanOrEqual(60_000);
  });

  it('a pushed card in a DM takes a bare number; in a room only the reference', async () => {
    const seen: Incoming[] = [];
    const w = await setup(async (i) => (seen.push(i), replyOf('zh', text('好的'))));
    const card = replyOf('zh', text('预算申请 #12'), { type: 'choices', ref: '12', choices: [{ label: '批准', action: { id: 'approve', value: '12' } }, { label: '驳回', action: { id: 'reject', value: '12' } }] });
    await w.adapter.send({ conversation: 'wechat:dm:wxid_alice' }, card);
    await w.adapter.send({ conversation: 'wechat:room:R1@chatroom' }, card);
    expect(w.heard[0].text).toContain('也可直接回复 1 / 2');
    expect(w.heard[1].text).not.toContain('也可直接回复');
    expect(await w.talk(w.alice, '2', 'dm')).toBe('answered');
    expect(await w.talk(w.bob, '1', 'room')).toBe('silent');
    expect(await w.talk(w.bob, '批准 #12', 'room')).toBe('answered');
    expect(seen.map((i) => [i.user, i.conversation, i.action?.id])).toEqual([
      ['wechat:wxid_alice', 'wechat:dm:wxid_alice', 'reject'],
      ['wechat:wxid_bob', 'wechat:room:R1@chatroom', 'approve'],
    ]);
  });

  it('reports failures by kind: unknown place permanent, logged out transient', async () => {
    const w = await setup();
    const kind = (p: Promise<unknown>) => p.then(() => 'sent', (e) => (e instanceof SendError ? e.failure : `other: ${e}`));
    expect(await kind(w.adapter.send({ conversation: 'wechat:room:nope@chatroom' }, replyOf('zh', text('x'))))).toBe('permanent');
    expect(await kind(w.adapter.send({ conversation: 'slack:C1' }, replyOf('zh', text('x'))))).toBe('permanent');
    await w.wechaty.logout();
    expect(await kind(w.adapter.send({ conversation: 'wechat:room:R1@chatroom' }, replyOf('zh', text('x'))))).toBe('transient');
    expect(w.heard).toEqual([]);
  });

  it('treats a send that never answers as ambiguous, never as safe to resend', async () => {
    // A puppet whose send hangs, as a dropped connection after the request left would.
    class HangingPuppet extends PuppetMock {
      override async messageSendText(): Promise<void> {
        await new Promise(() => {});
      }
    }
    const mocker = new mock.Mocker();
    const wechaty = WechatyBuilder.build({ puppet: new HangingPuppet({ mocker }) });
    const adapter = new WechatAdapter({ wechaty, docs: new MemoryDocStore(), log: silentLogger, showQr: () => {}, sendTimeoutMs: 50 });
    await adapter.start(async () => replyOf('zh'));
    stops.push(() => adapter.stop());
    mocker.login(mocker.createContact({ id: 'wxid_opsbot', name: '运营助手' }));
    mocker.createRoom({ id: 'R1@chatroom', topic: '运营群', memberIdList: ['wxid_opsbot'] });
    const err = await adapter.send({ conversation: 'wechat:room:R1@chatroom' }, replyOf('zh', text('x'))).catch((e) => e);
    expect(err).toBeInstanceOf(SendError);
    expect(err.failure).toBe('ambiguous');
    // Through the dispatcher it ends unconfirmed, not retried.
    const store = JournalOutboxStore.memory();
    await store.add([{ key: 'k', kind: 'test', conversation: 'wechat:room:R1@chatroom', payload: replyOf('zh', text('x')), dueAt: new Date().toISOString() }], new Date());
    const report = await new Dispatcher({ store, adapters: { wechat: adapter }, log: silentLogger }).drain();
    expect(report.unconfirmed.map((e) => e.attempts)).toEqual([1]);
  });
});
