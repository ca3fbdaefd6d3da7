import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncomingHandler } from '../../../../src/chat/chat-adapter.ts';
import { WecomAdapter } from '../../../../src/platforms/wecom/wecom-adapter.ts';
import { WecomCrypto } from '../../../../src/platforms/wecom/wecom-crypto.ts';
import { GroupRobots } from '../../../../src/platforms/wecom/wecom-webhook.ts';
import { HealthBoard } from '../../../../src/adapters/http/health-board.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import type { Incoming } from '../../../../src/chat/incoming.ts';
import { text, type Reply } from '../../../../src/chat/reply.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import type { DocStore } from '../../../../src/domain/ports.ts';
import { budgetApp } from '../../../commands/budgets/budget-app.ts';
import { pressBody, textBody } from './wecom-gateway-stand-in.ts';
import { WecomHttpStandIn } from './wecom-http-stand-in.ts';
import { openReply, seal, signature, type SealOptions } from './wecom-scheme.ts';

// Callback mode: WeCom's requests built with the test's own implementation of the scheme,
// sent to the bot's guarded listener on loopback.

const TOKEN = 'T0kenStoreOps';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const ROOM = 'wrOpsRoom01';

let adapter: WecomAdapter | undefined;
let wecom: WecomHttpStandIn;
let base = '';

async function started(handler: IncomingHandler, extra: { answerWithinMs?: number; now?: () => number; docs?: DocStore } = {}) {
  wecom = new WecomHttpStandIn();
  const root = await wecom.listen();
  adapter = new WecomAdapter({
    callback: { crypto: new WecomCrypto(TOKEN, AES_KEY, ''), port: 0, host: '127.0.0.1', ...(extra.answerWithinMs ? { answerWithinMs: extra.answerWithinMs } : {}) },
    robots: new GroupRobots({ [ROOM]: 'key-1234abcd', OPS: 'key-opsroom9' }, root),
    docs: extra.docs ?? new MemoryDocStore(),
    log: silentLogger,
    timeZone: 'Asia/Shanghai',
    health: new HealthBoard(),
    ...(extra.now ? { now: extra.now } : {}),
  });
  await adapter.start(handler);
  base = `http://127.0.0.1:${adapter.port}`;
  return { root };
}

afterEach(async () => {
  await adapter?.stop();
  await wecom?.close();
  adapter = undefined;
});

const nowTs = (shiftS = 0) => String(Math.floor(Date.now() / 1000) + shiftS);

/** A signed query for a ciphertext, as WeCom sends it (URL-encoded). */
function query(encrypted: string, o: { ts?: string; sig?: string } = {}): string {
  const ts = o.ts ?? nowTs();
  const nonce = String(Math.floor(Math.random() * 1e9));
  return `msg_signature=${o.sig ?? signature(TOKEN, ts, nonce, encrypted)}&timestamp=${ts}&nonce=${nonce}`;
}

async function post(body: unknown, opts: SealOptions & { ts?: string; sig?: string } = {}) {
  const encrypt = seal(AES_KEY, JSON.stringify(body), opts);
  const res = await fetch(`${base}/wecom/bot?${query(encrypt, opts)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encrypt }) });
  const raw = await res.text();
  return { status: res.status, raw, reply: raw.startsWith('{') ? (openReply(TOKEN, AES_KEY, JSON.parse(raw)) as any) : undefined };
}

const echo = (seen: Incoming[]): IncomingHandler => async (i) => {
  seen.push(i);
  return { lang: 'en', blocks: [text(`you said: ${i.text ?? i.action?.id}`)] } satisfies Reply;
};

describe('wecom smart bot in callback mode', () => {
  it('passes the URL check: verifies msg_signature and answers the decrypted echostr as plain text', async () => {
    await started(echo([]));
    const echostr = seal(AES_KEY, '1616140317555161061');
    const res = await fetch(`${base}/wecom/bot?${query(echostr)}&echostr=${encodeURIComponent(echostr)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1616140317555161061');
    const forged = await fetch(`${base}/wecom/bot?${query(echostr, { sig: 'a'.repeat(40) })}&echostr=${encodeURIComponent(echostr)}`);
    expect(forged.status).toBe(403);
  });

  it('answers an encrypted group message with an encrypted stream reply, once per msgid', async () => {
    const t = await budgetApp();
    const seen: Incoming[] = [];
    await started((i) => {
      seen.push(i);
      return t.app.bot.handle(i);
    });
    const msg = textBody('cb-1', 'gmv today', { group: ROOM, user: 'zhangsan' });
    const first = await post(msg);
    expect(first.status).toBe(200);
    expect(first.reply).toMatchObject({ msgtype: 'stream', stream: { finish: true } });
    expect(first.reply.stream.content).toMatch(/GMV: \*\*¥[\d,.]+\*\*/);
    // Words the bot cannot read are named back, with a phone masked in the group.
    const odd = await post(textBody('cb-2', 'gmv today, call 13800138000', { group: ROOM, user: 'zhangsan' }));
    expect(odd.reply.stream.content).toContain('138****8000');
    expect(odd.reply.stream.content).not.toContain('13800138000');
    const again = await post(msg);
    expect([again.status, again.raw]).toEqual([200, '']);
    const enter = await post({ msgid: 'cb-e1', create_time: 1764210000, aibotid: 'aibSTOREOPS', chattype: 'single', from: { userid: 'zhangsan' }, msgtype: 'event', event: { eventtype: 'enter_chat' } });
    expect(enter.reply).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('gmv today') } });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ platform: 'wecom', conversation: `wecom:${ROOM}`, user: 'wecom:zhangsan', direct: false, messageId: 'cb-1' });
  });

  it('drops a callback WeCom repeats after the bot restarted', async () => {
    const seen: Incoming[] = [];
    const docs = new MemoryDocStore();
    await started(echo(seen), { docs });
    const msg = textBody('cb-r1', 'gmv today', { group: ROOM, user: 'zhangsan' });
    expect((await post(msg)).reply).toMatchObject({ msgtype: 'stream' });
    await adapter!.stop();
    await wecom.close();
    await started(echo(seen), { docs }); // a new adapter over the same documents
    const again = await post(msg);
    expect([again.status, again.raw]).toEqual([200, '']);
    expect(seen).toHaveLength(1);
  });

  it('refuses a wrong signature, bad padding, a wrong receive id and a stale timestamp with 403, and changes nothing', async () => {
    const seen: Incoming[] = [];
    await started(echo(seen));
    const msg = textBody('cb-2', 'gmv today', { user: 'zhangsan' });
    const refusals = [
      await post(msg, { sig: signature('wrong-token', nowTs(), '1', 'x') }),
      await post(msg, { badPadding: true }),
      await post(msg, { receiveId: 'wwcorp0001' }),
      await post(msg, { badLength: true }),
      await post(msg, { ts: nowTs(-6 * 60) }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(refusals.map((r) => r.raw)).toEqual(['forbidden: bad signature\n', 'forbidden: bad padding\n', 'forbidden: wrong receive id\n', 'forbidden: bad length\n', 'forbidden: timestamp outside 5 minutes\n']);
    expect(seen).toEqual([]);
    // The msgid was not recorded by any refusal: the genuine delivery is answered.
    const genuine = await post(msg);
    expect(genuine.reply.stream.content).toBe('you said: gmv today');
    expect(seen).toHaveLength(1);
  });

  it('answers scanners and health checks plainly and keeps serving', async () => {
    const seen: Incoming[] = [];
    await started(echo(seen));
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/wecom/bot`, { method: 'PUT' })).status).toBe(405);
    expect((await fetch(`${base}/wecom/bot`)).status).toBe(400);
    expect((await fetch(`${base}/wecom/bot`, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await fetch(`${base}/wecom/bot`, { method: 'POST', body: 'x'.repeat(200_000) })).status).toBe(413);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ platforms: { wecom: 'online' } });
    expect((await post(textBody('cb-3', 'still here?', { user: 'zhangsan' }))).reply.stream.content).toBe('you said: still here?');
  });

  it('puts an approval on a card; two managers pressing at once decide it once, the card rewritten for all, the late one told alone', async () => {
    const t = await budgetApp();
    for (const m of ['wecom:wangwu', 'wecom:zhaoliu']) await t.app.services.access.grant(m, 'ops_manager');
    await started((i) => t.app.bot.handle(i), { now: () => t.app.services.clock.now().getTime() });
    await post(textBody('cb-10', 'budget set 2026-11 total 100000 douyin 20000 xiaohongshu 15000 tmall 15000 jd 10000', { group: ROOM, user: 'wangwu' }));
    const { reply } = await post(textBody('cb-11', 'budget request douyin +3000 for live streams', { group: ROOM, user: 'zhangsan' }));
    expect(reply.msgtype).toBe('stream_with_template_card');
    const card = reply.template_card;
    expect(card.button_list.map((b: { key: string }) => b.key)).toEqual(['en|approve 1', 'en|reject 1']);
    const [a, b] = await Promise.all([post(pressBody('pe-1', 'en|approve 1', card.task_id, { user: 'wangwu', group: ROOM })), post(pressBody('pe-2', 'en|approve 1', card.task_id, { user: 'zhaoliu', group: ROOM }))]);
    const updates = [a.reply, b.reply];
    expect(updates.every((u) => u.response_type === 'update_template_card' && u.template_card.task_id === card.task_id && !u.template_card.button_list)).toBe(true);
    const forAll = updates.filter((u) => !u.userids);
    const forOne = updates.filter((u) => u.userids);
    expect(forAll).toHaveLength(1);
    expect(forOne).toHaveLength(1);
    expect(JSON.stringify(forAll[0].template_card)).toContain('#1 approved by');
    expect(forOne[0].userids).toEqual([forAll[0] === a.reply ? 'zhaoliu' : 'wangwu']);
  });

  it('answers through response_url, once, when the answer is too slow for the passive reply', async () => {
    const { root } = await started(async (i) => {
      await new Promise((r) => setTimeout(r, 60));
      return { lang: 'en', blocks: [text(`late answer to ${i.text}`)] };
    }, { answerWithinMs: 10 });
    const res = await post({ ...textBody('cb-20', 'slow one', { user: 'zhangsan' }), response_url: `${root}/cgi-bin/aibot/response?response_code=RC1` });
    expect([res.status, res.raw]).toEqual([200, '']);
    await vi.waitFor(() => expect(wecom.calls).toHaveLength(1));
    expect(wecom.calls[0]).toMatchObject({ path: '/cgi-bin/aibot/response', body: { msgtype: 'markdown', markdown: { content: 'late answer to slow one' } } });
  });

  it('speaks first in a room through its group robot, with typed choices and masked phones; a frequency limit is rate_limited', async () => {
    await started(echo([]));
    const reply: Reply = { lang: 'zh', blocks: [text('投诉 #31 超时未处理：客户 13800138000', 'warning'), { type: 'choices', choices: [{ label: '接手', action: { id: 'ack', value: '31' } }] }], mentions: ['wecom:lisi'] };
    await adapter!.send({ conversation: `wecom:${ROOM}` }, reply);
    await adapter!.send({ conversation: 'wecom:hook:ops' }, { lang: 'en', blocks: [text('daily brief')] });
    expect(wecom.calls.map((c) => [c.path, c.query.get('key')])).toEqual([
      ['/cgi-bin/webhook/send', 'key-1234abcd'],
      ['/cgi-bin/webhook/send', 'key-opsroom9'],
    ]);
    const content = wecom.calls[0].body.markdown.content as string;
    expect(content).toContain('138****8000');
    expect(content).toContain('- 接手：`@机器人 ack 31`');
    expect(content).toMatch(/<@lisi>$/);
    wecom.nextErrcode = 45009;
    await expect(adapter!.send({ conversation: `wecom:${ROOM}` }, reply)).rejects.toMatchObject({ failure: 'rate_limited', retryAfterMs: 60_000 });
    await expect(adapter!.send({ conversation: 'wecom:dm:lisi' }, reply)).rejects.toMatchObject({ failure: 'permanent' });
    await expect(adapter!.send({ conversation: 'wecom:wrOtherRoom' }, reply)).rejects.toMatchObject({ failure: 'permanent' });
  });
});
