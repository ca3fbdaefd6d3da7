import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SendError, type IncomingHandler } from '../../../../src/chat/chat-adapter.ts';
import { commandMenus } from '../../../../src/platforms/telegram/telegram-commands.ts';
import { TelegramAdapter } from '../../../../src/platforms/telegram/telegram-adapter.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import { openApp, type App } from '../../../../src/app/compose.ts';
import { buildRegistry } from '../../../../src/bot/feature.ts';
import { features } from '../../../../src/features/index.ts';
import type { Incoming } from '../../../../src/chat/incoming.ts';
import type { Reply } from '../../../../src/chat/reply.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { applyOrders } from '../../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../../src/domain/orders/order.ts';
import { BOT_INFO, BotApiStandIn } from './bot-api-stand-in.ts';
import { fixture } from './fixtures.ts';

// The real grammY bot, long polling a local stand-in of the Bot API.

const NOW = '2026-11-27T10:30:00+08:00';
const GROUP = -1001234567890;

function order(id: string, paid: string, amount: number, extra: Partial<Order> = {}): Order {
  const at = Date.parse(paid);
  return { platform: 'test', orderId: id, channel: 'tmall', customer: `c-${id}`, createdAt: at, paidAt: at, status: 'paid', amount, refunded: 0, lines: [{ sku: 'SK-1', qty: 1, amount }], ...extra };
}

async function storeApp(): Promise<App> {
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: NOW, LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
  await applyOrders(app.services.data, app.services.orders, [
    order('a', '2026-11-27T09:00:00+08:00', 12_345, { channel: 'Tea & Cups <Shop>', lines: [{ sku: 'Mug <L> & Saucer', qty: 1, amount: 12_345 }] }),
    order('b', '2026-11-27T10:00:00+08:00', 20_000),
    order('d', '2026-11-26T10:00:00+08:00', 10_000),
  ]);
  return app;
}

let api: BotApiStandIn;
let adapter: TelegramAdapter | undefined;

async function started(handler: IncomingHandler): Promise<TelegramAdapter> {
  api = new BotApiStandIn();
  const root = await api.listen();
  adapter = new TelegramAdapter({ token: '123:TEST', apiRoot: root, botInfo: BOT_INFO, docs: new MemoryDocStore(), log: silentLogger, menus: commandMenus(buildRegistry(features).specs), lang: 'zh' });
  await adapter.start(handler);
  return adapter;
}

afterEach(async () => {
  await adapter?.stop();
  await api?.close();
  adapter = undefined;
});

describe('telegram adapter over grammY (local Bot API stand-in)', () => {
  it('answers /gmv@bot and an @mention in a group, as replies, and ignores chatter', async () => {
    const app = await storeApp();
    await started((i) => app.bot.handle(i));
    api.push(fixture('group-chatter'), fixture('group-command'), fixture('group-mention'));
    const sent = await api.waitFor('sendMessage', 2);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ chat_id: GROUP, parse_mode: 'HTML', reply_parameters: { message_id: 41 } });
    expect(sent[0].text).toContain('GMV: <b>¥323.45</b>  ▲ +223.5%');
    expect(sent[1]).toMatchObject({ chat_id: GROUP, reply_parameters: { message_id: 42 } });
    expect(sent[1].text).toContain('GMV: <b>¥323.45</b>');
    expect(sent[1].text).toContain('上期'); // asked in Chinese, answered in Chinese
  });

  it("stays silent on a bare /command it does not know (another bot's), but answers one addressed to it", async () => {
    const app = await storeApp();
    await started((i) => app.bot.handle(i));
    const bare = fixture('group-command', 900000300);
    bare.message = { ...bare.message!, text: '/lunch', entities: [{ offset: 0, length: 6, type: 'bot_command' }] };
    const addressed = fixture('group-command', 900000301);
    addressed.message = { ...addressed.message!, message_id: 77, text: '/lunch@StoreOpsBot', entities: [{ offset: 0, length: 18, type: 'bot_command' }] };
    api.push(bare, addressed);
    const [only] = await api.waitFor('sendMessage');
    expect(only.reply_parameters.message_id).toBe(77);
    expect(only.text).toContain("Sorry, I didn't get that");
    expect(api.callsOf('sendMessage')).toHaveLength(1);
  });

  it('registers the command menu in English and Chinese', async () => {
    const app = await storeApp();
    await started((i) => app.bot.handle(i));
    const menus = api.callsOf('setMyCommands');
    expect(menus).toHaveLength(2);
    expect(menus[0].language_code).toBeUndefined();
    expect(menus[0].commands).toContainEqual({ command: 'gmv', description: 'Store metrics · gmv today' });
    expect(menus[1]).toMatchObject({ language_code: 'zh' });
    expect(menus[1].commands).toContainEqual({ command: 'help', description: '帮助 · 帮助' });
  });

  it('escapes store data (SKU and channel names with & < >) in a real answer', async () => {
    const app = await storeApp();
    await started((i) => app.bot.handle(i));
    const ask = fixture('group-command', 900000110);
    ask.message = { ...ask.message!, text: '/gmv@StoreOpsBot today by channel' };
    const top = fixture('private-text', 900000111);
    top.message = { ...top.message!, text: 'top skus today' };
    api.push(ask, top);
    const [byChannel, skus] = await api.waitFor('sendMessage', 2);
    expect(byChannel.text).toContain('Tea &amp; Cups &lt;Shop&gt;');
    expect(skus.text).toContain('Mug &lt;L&gt; &amp; Saucer');
    for (const m of [byChannel.text, skus.text]) expect(m.replace(/<\/?(b|i|pre)>/g, '')).not.toMatch(/[<>]/);
  });

  it('runs a button press once even when Telegram delivers it twice, answers it, and edits the card', async () => {
    const seen: Incoming[] = [];
    await started(async (i) => {
      seen.push(i);
      return { lang: 'en', blocks: [{ type: 'text', text: 'Budget B-17 approved.' }], replaceOriginal: true } satisfies Reply;
    });
    const press = fixture('callback-press');
    api.push(press, press); // the same update twice
    const again = fixture('callback-press', 900000010); // a new update carrying the same callback query
    api.push(again);
    await api.waitFor('answerCallbackQuery', 2);
    await api.waitFor('editMessageText');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ user: 'telegram:222222222', action: { id: 'approve', value: 'B-17' }, lang: 'en', conversation: `telegram:${GROUP}` });
    const [edit] = api.callsOf('editMessageText');
    expect(edit).toMatchObject({ chat_id: GROUP, message_id: 501, parse_mode: 'HTML' });
    expect(edit.text).toContain('Budget B-17 approved.');
    expect(edit.text).toContain('✔ Approve — chosen by 李 娜');
    expect(edit.reply_markup).toBeUndefined(); // keyboard removed
    expect(api.callsOf('answerCallbackQuery').every((a) => a.callback_query_id === press.callback_query!.id)).toBe(true);
  });

  it('shows an ephemeral answer to a press as an alert only the presser sees', async () => {
    await started(async () => ({ lang: 'en', blocks: [{ type: 'text', text: 'Already decided by Bob.' }], ephemeral: true }));
    api.push(fixture('callback-press'));
    const [answer] = await api.waitFor('answerCallbackQuery');
    expect(answer).toMatchObject({ text: 'Already decided by Bob.', show_alert: true });
    expect(api.callsOf('sendMessage')).toEqual([]);
  });

  it('answers every press: an expired button gets an alert, and a failing handler still stops the spinner', async () => {
    let calls = 0;
    await started(async () => {
      calls++;
      throw new Error('boom');
    });
    const expired = fixture('callback-press', 900000200);
    expired.callback_query = { ...expired.callback_query!, id: 'q-exp', data: '#nosuchref' };
    api.push(expired);
    const [alert] = await api.waitFor('answerCallbackQuery');
    expect(alert).toMatchObject({ callback_query_id: 'q-exp', show_alert: true });
    expect(alert.text).toBe('这个按钮已过期，请重新发起。'); // in the presser's language (zh-hans)
    api.push(fixture('callback-press', 900000201));
    const answers = await api.waitFor('answerCallbackQuery', 2);
    expect(calls).toBe(1);
    expect(answers[1]).toEqual({ callback_query_id: '4382bfdwdsb323b2d9' });
  });

  it('puts choices on an inline keyboard whose callback data stays under 64 bytes and comes back as the action', async () => {
    const seen: Incoming[] = [];
    const long = { id: 'complaint-assign', value: 'TB-2026112700012345 to the ops manager on duty tonight' };
    await started(async (i) => {
      seen.push(i);
      return { lang: 'zh', blocks: [{ type: 'choices', prompt: '派给谁？', choices: [{ label: '值班经理', action: long }] }] };
    });
    api.push(fixture('private-text'));
    const [card] = await api.waitFor('sendMessage');
    const button = card.reply_markup.inline_keyboard[0][0];
    expect(button.text).toBe('值班经理');
    expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    const press = fixture('callback-press', 900000100);
    press.callback_query = { ...press.callback_query!, id: 'q-100', data: button.callback_data };
    api.push(press);
    await api.waitFor('answerCallbackQuery');
    expect(seen[1]).toMatchObject({ action: long, lang: 'zh' });
  });

  it('sends first to a group topic and to a DM; a 429 becomes a rate_limited SendError with retry_after', async () => {
    await started(async () => ({ lang: 'en', blocks: [] }));
    const reply: Reply = { lang: 'en', blocks: [{ type: 'text', text: 'Refund rate above 5% <alert>', tone: 'warning' }] };
    const topic = await adapter!.send({ conversation: 'telegram:-1009876543210:12' }, reply);
    const dm = await adapter!.send({ conversation: 'telegram:dm:222222222', thread: '7' }, reply);
    expect(Number(topic.messageId)).toBeGreaterThan(0);
    expect(dm.messageId).not.toBe(topic.messageId);
    const [a, b] = api.callsOf('sendMessage');
    expect(a).toMatchObject({ chat_id: -1009876543210, message_thread_id: 12, text: '⚠️ Refund rate above 5% &lt;alert&gt;' });
    expect(b).toMatchObject({ chat_id: 222222222, reply_parameters: { message_id: 7 } });
    api.fail('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    const err = await adapter!.send({ conversation: `telegram:${GROUP}` }, reply).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect(err).toMatchObject({ failure: 'rate_limited', retryAfterMs: 7000 });
    expect(api.callsOf('sendMessage')).toHaveLength(3); // tried once: the engine owns retries
    api.fail('sendMessage', { error_code: 403, description: 'Forbidden: bot was kicked from the group chat' });
    await expect(adapter!.send({ conversation: `telegram:${GROUP}` }, reply)).rejects.toMatchObject({ failure: 'permanent' });
    await expect(adapter!.send({ conversation: 'slack:C1' }, reply)).rejects.toMatchObject({ failure: 'permanent' });
    api.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await expect(adapter!.send({ conversation: `telegram:${GROUP}` }, reply)).rejects.toMatchObject({ failure: 'transient' });
    // Nothing listens on a closed port: the connection is refused, so surely nothing was sent.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const offline = new TelegramAdapter({ token: '123:TEST', apiRoot: `http://127.0.0.1:${port}`, docs: new MemoryDocStore(), log: silentLogger });
    await expect(offline.send({ conversation: `telegram:${GROUP}` }, reply)).rejects.toMatchObject({ failure: 'transient' });
  });
});
