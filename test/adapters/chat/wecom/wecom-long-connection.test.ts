import { afterEach, describe, expect, it, vi } from 'vitest';
import { SendError, type IncomingHandler } from '../../../../src/chat/chat-adapter.ts';
import { WecomAdapter } from '../../../../src/platforms/wecom/wecom-adapter.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import type { Incoming } from '../../../../src/chat/incoming.ts';
import { text } from '../../../../src/chat/reply.ts';
import type { Logger } from '../../../../src/domain/log.ts';
import { budgetApp } from '../../../commands/budgets/budget-app.ts';
import { pressBody, textBody, WecomGateway } from './wecom-gateway-stand-in.ts';

// The real @wecom/aibot-node-sdk client, pointed at a loopback stand-in of the gateway.

const ROOM = 'wrOpsRoom01';

function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const rec = (level: string) => (_obj: unknown, msg?: string) => void (msg && !(_obj as { sdk?: string })?.sdk && lines.push(`${level} ${msg}`));
  return { lines, debug: () => {}, info: rec('info'), warn: rec('warn'), error: rec('error') };
}

let gw: WecomGateway;
let adapter: WecomAdapter | undefined;

async function started(handler: IncomingHandler, log: Logger = capture(), now?: () => number) {
  gw = new WecomGateway();
  const wsUrl = await gw.listen();
  adapter = new WecomAdapter({ longConnection: { botId: 'aibSTOREOPS', secret: 'sekret', wsUrl, heartbeatMs: 40, reconnectBaseMs: 10 }, docs: new MemoryDocStore(), log, timeZone: 'Asia/Shanghai', ...(now ? { now } : {}) });
  await adapter.start(handler);
  return adapter;
}

afterEach(async () => {
  await adapter?.stop();
  await gw?.close();
  adapter = undefined;
});

describe('wecom smart bot over the long connection (loopback gateway)', () => {
  it('logs in with the bot id and secret, keeps its heartbeat, and answers a group @mention in place once per msgid', async () => {
    const t = await budgetApp();
    const log = capture();
    await started((i) => t.app.bot.handle(i), log);
    expect(gw.sent('aibot_subscribe')[0].body).toMatchObject({ bot_id: 'aibSTOREOPS', secret: 'sekret' });
    expect(log.lines).toContain('info wecom smart bot online (long connection)');
    const req = gw.message(textBody('m-1', '今天GMV多少', { group: ROOM, user: 'zhangsan' }));
    gw.message(textBody('m-1', '今天GMV多少', { group: ROOM, user: 'zhangsan' })); // WeCom repeats it
    await vi.waitFor(() => expect(gw.sent('aibot_respond_msg')).toHaveLength(1));
    const answer = gw.sent('aibot_respond_msg')[0];
    expect(answer.headers.req_id).toBe(req);
    expect(answer.body).toMatchObject({ msgtype: 'stream', stream: { finish: true } });
    expect(answer.body.stream.content).toMatch(/GMV: \*\*¥[\d,.]+\*\*/);
    expect(answer.body.stream.content).toContain('上期');
    await vi.waitFor(() => expect(gw.sent('ping').length).toBeGreaterThanOrEqual(2));
    // A later message is still answered, so the repeat had its chance and was dropped.
    gw.message(textBody('m-2', 'gmv yesterday by channel', { user: 'lisi' })); // a day with orders: a channel table
    await vi.waitFor(() => expect(gw.sent('aibot_respond_msg')).toHaveLength(2));
    expect(gw.sent('aibot_respond_msg')[1].body.stream.content).toContain('```');
    // Opening a one-to-one chat for the first time today: a welcome on the event's req_id.
    const enter = gw.event({ msgid: 'e-0', create_time: 1764210000, aibotid: 'aibSTOREOPS', chattype: 'single', from: { userid: 'lisi' }, msgtype: 'event', event: { eventtype: 'enter_chat' } });
    await vi.waitFor(() => expect(gw.sent('aibot_respond_welcome_msg')).toHaveLength(1));
    expect(gw.sent('aibot_respond_welcome_msg')[0]).toMatchObject({ headers: { req_id: enter }, body: { msgtype: 'text', text: { content: expect.stringContaining('今天GMV多少') } } });
  });

  it('resumes after the connection drops, and says so in one line each way', async () => {
    const t = await budgetApp();
    const log = capture();
    await started((i) => t.app.bot.handle(i), log);
    gw.drop();
    await vi.waitFor(() => expect(gw.subscribes).toBe(2));
    expect(log.lines).toContain('warn wecom connection lost; reconnecting with backoff (at most 30 s apart)');
    await vi.waitFor(() => expect(log.lines).toContain('info wecom smart bot back online (long connection)'));
    gw.message(textBody('m-3', 'gmv today', { user: 'zhangsan' }));
    await vi.waitFor(() => expect(gw.sent('aibot_respond_msg')).toHaveLength(1));
  });

  it('stops retrying when another instance takes the bot over, says why, and refuses pushes', async () => {
    const log = capture();
    const a = await started(async (i) => ({ lang: 'en', blocks: [text(i.text ?? '')] }), log);
    gw.replace();
    await vi.waitFor(() => expect(log.lines.some((l) => l.startsWith('error wecom connection replaced: another process connected with this bot id'))).toBe(true));
    // Ten times the reconnect base delay: a retrying client would have logged in again by now.
    await new Promise((r) => setTimeout(r, 100));
    expect(gw.subscribes).toBe(1);
    expect(a.connection?.state).toBe('replaced');
    await expect(a.send({ conversation: `wecom:${ROOM}` }, { lang: 'en', blocks: [text('hi')] })).rejects.toMatchObject({ failure: 'permanent' });
  });

  it('refuses to start with a wrong secret, naming the variables', async () => {
    gw = new WecomGateway();
    const wsUrl = await gw.listen();
    adapter = new WecomAdapter({ longConnection: { botId: 'aibSTOREOPS', secret: 'wrong', wsUrl, reconnectBaseMs: 10 }, docs: new MemoryDocStore(), log: capture(), timeZone: 'Asia/Shanghai' });
    await expect(adapter.start(async () => ({ lang: 'en', blocks: [] }))).rejects.toThrow(/WECOM_BOT_ID \/ WECOM_BOT_SECRET: .*invalid bot_id or secret/);
  });

  it('pushes first to a group with @mentions and to a person; a frequency limit becomes rate_limited', async () => {
    const a = await started(async () => ({ lang: 'en', blocks: [] }));
    const sent = await a.send({ conversation: `wecom:${ROOM}` }, { lang: 'zh', blocks: [text('投诉 #31 已超时，请处理', 'warning'), text('客户电话 13800138000')], mentions: ['wecom:lisi', 'slack:U1'] });
    expect(sent.messageId).toMatch(/^sent-/);
    const [push] = gw.sent('aibot_send_msg');
    expect(push.body).toMatchObject({ chatid: ROOM, msgtype: 'markdown' });
    expect(push.body.markdown.content).toContain('⚠️ 投诉 #31 已超时');
    expect(push.body.markdown.content).toContain('138****8000'); // masked in a group
    expect(push.body.markdown.content).toMatch(/<@lisi>$/);
    await a.send({ conversation: 'wecom:dm:zhangsan' }, { lang: 'zh', blocks: [text('客户电话 13800138000')] });
    expect(gw.sent('aibot_send_msg')[1].body).toMatchObject({ chatid: 'zhangsan', markdown: { content: '客户电话 13800138000' } });
    gw.nextSendErrcode = 45009;
    const err = await a.send({ conversation: `wecom:${ROOM}` }, { lang: 'en', blocks: [text('again')] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect(err).toMatchObject({ failure: 'rate_limited', retryAfterMs: 60_000 });
  });

  it('puts an approval on a button card; two managers pressing at once decide it once, and the card shows who and when', async () => {
    const t = await budgetApp();
    for (const m of ['wecom:wangwu', 'wecom:zhaoliu']) await t.app.services.access.grant(m, 'ops_manager');
    const seen: Incoming[] = [];
    await started(
      (i) => {
        seen.push(i);
        return t.app.bot.handle(i);
      },
      capture(),
      () => t.app.services.clock.now().getTime(),
    );
    gw.message(textBody('m-10', 'budget set 2026-11 total 100000 douyin 20000 xiaohongshu 15000 tmall 15000 jd 10000', { group: ROOM, user: 'wangwu' }));
    await vi.waitFor(() => expect(gw.sent('aibot_respond_msg')).toHaveLength(1));
    gw.message(textBody('m-11', 'budget request douyin +3000 for Double 11 live streams', { group: ROOM, user: 'zhangsan' }));
    await vi.waitFor(() => expect(gw.sent('aibot_respond_msg')).toHaveLength(2));
    const cardReply = gw.sent('aibot_respond_msg')[1].body;
    expect(cardReply.msgtype).toBe('stream_with_template_card');
    expect(cardReply.stream.content).toContain('<@wangwu> <@zhaoliu>');
    const card = cardReply.template_card;
    expect(card).toMatchObject({ card_type: 'button_interaction', button_list: [{ key: 'en|approve 1' }, { key: 'en|reject 1' }] });
    expect(card.task_id).toMatch(/^[A-Za-z0-9_\-@]{1,128}$/);

    const approve = card.button_list[0].key as string;
    gw.event(pressBody('e-1', approve, card.task_id, { user: 'wangwu', group: ROOM }));
    gw.event(pressBody('e-2', approve, card.task_id, { user: 'zhaoliu', group: ROOM }));
    gw.event(pressBody('e-1', approve, card.task_id, { user: 'wangwu', group: ROOM })); // a repeated delivery
    await vi.waitFor(() => expect(gw.sent('aibot_respond_update_msg')).toHaveLength(1));
    await vi.waitFor(() => expect(gw.sent('aibot_send_msg')).toHaveLength(1));
    expect(seen.filter((i) => i.action)).toHaveLength(2);
    expect(seen.find((i) => i.action)).toMatchObject({ platform: 'wecom', conversation: `wecom:${ROOM}`, action: { id: 'approve', value: '1' }, lang: 'en' });
    const update = gw.sent('aibot_respond_update_msg')[0].body;
    expect(update.response_type).toBe('update_template_card');
    expect(update.template_card).toMatchObject({ card_type: 'text_notice', task_id: card.task_id });
    expect(update.template_card.button_list).toBeUndefined();
    expect(update.template_card.horizontal_content_list).toEqual([
      { keyname: 'By', value: 'wangwu', type: 3, userid: 'wangwu' },
      { keyname: 'At', value: '2026-11-20 10:00' },
    ]);
    expect(JSON.stringify(update.template_card)).toContain('#1 approved by');
    // The second manager hears, privately, that it was already decided.
    const told = gw.sent('aibot_send_msg')[0].body;
    expect(told.chatid).toBe('zhaoliu');
    expect(told.markdown.content).toContain('#1 approved by');
  });
});
