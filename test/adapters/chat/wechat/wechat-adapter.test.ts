import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../../src/app/compose.ts';
import type { Incoming } from '../../../../src/chat/incoming.ts';
import { replyOf, text, type Reply } from '../../../../src/chat/reply.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { applyOrders } from '../../../../src/domain/orders/apply-orders.ts';
import { fixedClock } from '../../../../src/domain/ports.ts';
import { mockWechat } from './mock-wechat.ts';

// The adapter on the real Wechaty over wechaty-puppet-mock: who gets an answer,
// where, mentioning whom; typed choices coming back as actions.

const NOW = '2026-11-27T10:30:00+08:00';
let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.map((s) => s()));
  stops = [];
});

/** A handler that records what reached the bot and offers an approval card on "审批". */
function recorder() {
  const seen: Incoming[] = [];
  const handle = async (i: Incoming): Promise<Reply> => {
    seen.push(i);
    if (i.action) return replyOf(i.lang ?? 'zh', text(`已处理 ${i.action.id} ${i.action.value}，操作人 ${i.user}`));
    if (i.text === '审批') {
      return replyOf('zh', text('满减券预算申请 ¥5,000', 'heading'), {
        type: 'choices',
        ref: '12',
        choices: [
          { label: '批准', action: { id: 'approve', value: '12' }, style: 'primary' },
          { label: '驳回', action: { id: 'reject', value: '12' }, style: 'danger' },
        ],
      });
    }
    return replyOf('zh', text(`收到：${i.text}`));
  };
  return { seen, handle };
}

async function setup(h = recorder(), opts = {}) {
  const w = await mockWechat(h.handle, opts);
  stops.push(w.stop);
  return { ...w, seen: h.seen };
}

describe('WeChat adapter on wechaty-puppet-mock', () => {
  it('answers an @mention in a room there, mentioning the asker, with the real bot', async () => {
    const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: NOW, LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
    const { data, orders } = app.services;
    const paid = Date.parse('2026-11-27T09:00:00+08:00');
    await applyOrders(data, orders, [{ platform: 'test', orderId: 'a', channel: 'tmall', customer: 'c', createdAt: paid, paidAt: paid, status: 'paid', amount: 12_345, refunded: 0, lines: [{ sku: 'S', qty: 1, amount: 12_345 }] }]);
    const w = await mockWechat((i) => app.bot.handle(i));
    stops.push(w.stop);
    expect(await w.talk(w.alice, '@运营助手\u2005今天GMV', 'room', [w.me])).toBe('answered');
    expect(w.heard).toHaveLength(1);
    expect(w.heard[0].to).toBe('room');
    expect(w.heard[0].text).toMatch(/^@小王\s/);
    expect(w.heard[0].text).toContain('¥123.45');
    expect(await w.adapter.conversations.list()).toEqual([expect.objectContaining({ conversation: 'wechat:room:R1@chatroom', name: '运营群' })]);
  });

  it('answers the prefix without a mention, and ignores chatter and its own messages', async () => {
    const w = await setup();
    expect(await w.talk(w.alice, '今天好忙啊', 'room')).toBe('silent');
    expect(await w.talk(w.bob, '1', 'room')).toBe('silent');
    expect(await w.talk(w.alice, '/今天GMV', 'room')).toBe('answered');
    expect(w.seen.map((i) => i.text)).toEqual(['今天GMV']);
    expect(w.seen[0]).toMatchObject({ platform: 'wechat', conversation: 'wechat:room:R1@chatroom', user: 'wechat:wxid_alice', direct: false });
    // The bot's own answer came back through the puppet as a message and was ignored.
    expect(w.heard.map((h) => h.text)).toEqual(['@小王 收到：今天GMV']);
    expect(w.seen).toHaveLength(1);
  });

  it('answers everything in a DM', async () => {
    const w = await setup();
    expect(await w.talk(w.bob, 'help', 'dm')).toBe('answered');
    expect(w.seen[0]).toMatchObject({ conversation: 'wechat:dm:wxid_bob', user: 'wechat:wxid_bob', direct: true, text: 'help' });
    expect(w.heard).toEqual([{ to: 'bob', text: '收到：help', mentions: [], at: expect.any(Number) }]);
  });

  it('turns a typed choice into one action from the person who typed it, tied to the card', async () => {
    const w = await setup();
    await w.talk(w.alice, '/审批', 'room');
    expect(w.heard[0].text).toContain('1. 批准\n2. 驳回');
    expect(w.heard[0].text).toContain('回复「批准 #12」或「驳回 #12」，也可直接回复 1 / 2');
    // Someone else's bare "1" is chatter; the asker's "1" is the choice, once.
    expect(await w.talk(w.bob, '1', 'room')).toBe('silent');
    expect(await w.talk(w.alice, '1', 'room')).toBe('answered');
    expect(await w.talk(w.alice, '1', 'room')).toBe('silent');
    // Anyone in the room can answer by reference (the router re-checks their role).
    expect(await w.talk(w.bob, '驳回 #12', 'room')).toBe('answered');
    const actions = w.seen.filter((i) => i.action);
    expect(actions).toEqual([
      expect.objectContaining({ user: 'wechat:wxid_alice', action: { id: 'approve', value: '12' }, lang: 'zh', conversation: 'wechat:room:R1@chatroom' }),
      expect.objectContaining({ user: 'wechat:wxid_bob', action: { id: 'reject', value: '12' } }),
    ]);
    expect(actions.every((a) => a.text === undefined)).toBe(true);
    expect(w.heard.at(-1)!.text).toBe('@老李 已处理 reject 12，操作人 wechat:wxid_bob');
  });

  it('says clearly when a reference is unknown, stale, or has no such option', async () => {
    let now = new Date('2026-11-27T02:00:00Z');
    const w = await setup(recorder(), { clock: { now: () => now } });
    expect(await w.talk(w.alice, '@运营助手 批准 #99', 'room', [w.me])).toBe('answered');
    expect(w.heard.at(-1)!.text).toContain('没有找到待回复的 #99');
    expect(await w.talk(w.alice, '批准 #98', 'room')).toBe('silent'); // in passing, without @: not for the bot
    await w.talk(w.alice, '审批', 'dm');
    expect(await w.talk(w.alice, '通过 #12', 'dm')).toBe('answered');
    expect(w.heard.at(-1)!.text).toContain('#12 没有这个选项');
    now = new Date('2026-11-28T03:00:00Z'); // 25 h later: past the 24 h limit
    expect(await w.talk(w.alice, '批准 #12', 'dm')).toBe('answered');
    expect(w.heard.at(-1)!.text).toContain('#12 已过期');
    expect(w.seen.filter((i) => i.action)).toEqual([]);
  });

  it('does not answer old messages a puppet replays after reconnecting', async () => {
    const w = await setup();
    const old = { id: 'replayed-1', talkerId: 'wxid_alice', roomId: 'R1@chatroom', mentionIdList: ['wxid_opsbot'], text: '@运营助手\u2005今天GMV', timestamp: Date.now() - 10 * 60_000, type: 7 };
    w.mocker.MessageMock.create(old as never);
    w.mocker.puppet.emit('message', { messageId: old.id });
    expect(await w.outcomeOf(old.id)).toBe('ignored');
    expect(w.seen).toEqual([]);
  });

  it('drops a message the puppet delivers again after the bot restarted', async () => {
    const h = recorder();
    const said = { id: 'again-1', talkerId: 'wxid_alice', roomId: 'R1@chatroom', mentionIdList: ['wxid_opsbot'], text: '@运营助手\u2005今天GMV', timestamp: Date.now(), type: 7 };
    const first = await setup(h);
    first.mocker.MessageMock.create(said as never);
    first.mocker.puppet.emit('message', { messageId: said.id });
    expect(await first.outcomeOf(said.id)).toBe('answered');
    await first.stop();
    stops = [];
    const again = await setup(h, { docs: first.docs }); // a new adapter over the same documents
    again.mocker.MessageMock.create(said as never);
    again.mocker.puppet.emit('message', { messageId: said.id });
    expect(await again.outcomeOf(said.id)).toBe('ignored');
    expect(h.seen).toHaveLength(1);
  });

  it('keeps pending choices across a restart', async () => {
    const first = await setup();
    await first.talk(first.alice, '审批', 'dm');
    await first.stop();
    stops = [];
    const again = await setup(recorder(), { docs: first.docs });
    expect(await again.talk(again.alice, '批准 #12', 'dm')).toBe('answered');
    expect(again.seen[0]).toMatchObject({ user: 'wechat:wxid_alice', action: { id: 'approve', value: '12' } });
  });

  it('masks phone numbers in rooms but not in a DM', async () => {
    const h = recorder();
    const w = await setup({ seen: h.seen, handle: async (i) => (h.seen.push(i), replyOf('zh', text('顾客 张三 13812345678，备用 +86 139-8765-4321'))) });
    await w.talk(w.alice, '/查顾客', 'room');
    await w.talk(w.alice, '查顾客', 'dm');
    expect(w.heard[0].text).toContain('138****5678');
    expect(w.heard[0].text).toContain('+86 139****4321');
    expect(w.heard[0].text).not.toMatch(/12345678|8765/);
    expect(w.heard[1].text).toContain('13812345678');
  });

  it('mentions the people a reply names, and writes them by name', async () => {
    const w = await setup({ seen: [], handle: async () => ({ ...replyOf('zh', text('@wxid_alice 申请，请 @wxid_bob 审批')), mentions: ['wechat:wxid_bob', 'slack:U1'] }) });
    await w.talk(w.alice, '/申请', 'room');
    // Wechaty puts the mentions first, separated by U+2005 as WeChat does.
    expect(w.heard[0].text.replace(/\u2005/g, ' ')).toBe('@小王 @老李 @小王 申请，请 @老李 审批');
  });

  it('carries @mentions of other people as qualified user ids', async () => {
    const w = await setup();
    await w.talk(w.alice, '@运营助手\u2005grant @老李\u2005ops_manager', 'room', [w.me, w.bob]);
    expect(w.seen[0].text).toBe('grant wechat:wxid_bob ops_manager');
  });
});
