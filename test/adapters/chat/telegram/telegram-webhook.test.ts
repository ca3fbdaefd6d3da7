import { afterEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../../src/platforms/telegram/telegram-adapter.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import type { Incoming } from '../../../../src/chat/incoming.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import type { DocStore } from '../../../../src/domain/ports.ts';
import { BOT_INFO, BotApiStandIn } from './bot-api-stand-in.ts';
import { fixture } from './fixtures.ts';

// Webhook mode: Telegram POSTs updates with X-Telegram-Bot-Api-Secret-Token; anything else is refused.

const SECRET = 'sekret_-42';
let api: BotApiStandIn;
let adapter: TelegramAdapter;
const seen: Incoming[] = [];
let root = '';

async function startWebhook(docs: DocStore = new MemoryDocStore(), keep = false): Promise<string> {
  if (!keep) {
    api = new BotApiStandIn();
    seen.length = 0;
    root = await api.listen();
  }
  adapter = new TelegramAdapter({
    token: '123:TEST',
    apiRoot: root,
    botInfo: BOT_INFO,
    webhook: { url: 'https://bot.example.com/telegram', port: 0, host: '127.0.0.1', secret: SECRET },
    docs,
    log: silentLogger,
  });
  await adapter.start(async (i) => {
    seen.push(i);
    return { lang: 'en', blocks: [{ type: 'text', text: 'GMV: ¥1.00' }] };
  });
  return `http://127.0.0.1:${adapter.port}/telegram`;
}

const post = (url: string, body: unknown, secret?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }) }, body: JSON.stringify(body) });

afterEach(async () => {
  await adapter?.stop();
  await api?.close();
});

describe('telegram webhook', () => {
  it('registers the webhook with its secret and the update types it handles', async () => {
    await startWebhook();
    expect(api.callsOf('setWebhook')).toEqual([{ url: 'https://bot.example.com/telegram', secret_token: SECRET, allowed_updates: ['message', 'callback_query'] }]);
  });

  it('refuses a missing or wrong secret with 401, and nothing happens', async () => {
    const url = await startWebhook();
    expect((await post(url, fixture('group-command'))).status).toBe(401);
    expect((await post(url, fixture('group-command'), 'wrong')).status).toBe(401);
    expect((await post(url, fixture('group-command'), `${SECRET}x`)).status).toBe(401);
    expect(seen).toEqual([]);
    expect(api.callsOf('sendMessage')).toEqual([]);
    // The refused update was not recorded as handled: the genuine delivery still goes through.
    expect((await post(url, fixture('group-command'), SECRET)).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it('answers an update with the right secret once, even when Telegram delivers it again', async () => {
    const url = await startWebhook();
    expect((await post(url, fixture('group-mention'), SECRET)).status).toBe(200);
    expect((await post(url, fixture('group-mention'), SECRET)).status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(api.callsOf('sendMessage')).toEqual([expect.objectContaining({ chat_id: -1001234567890, reply_parameters: { message_id: 42, allow_sending_without_reply: true } })]);
    expect((await fetch(url.replace('/telegram', '/other'), { method: 'POST' })).status).toBe(404);
    const junk = await fetch(url, { method: 'POST', headers: { 'X-Telegram-Bot-Api-Secret-Token': SECRET }, body: '{not json' });
    expect(junk.status).toBe(400);
    expect(seen).toHaveLength(1);
  });

  it('drops an update Telegram delivers again after the bot restarted', async () => {
    const docs = new MemoryDocStore();
    const url = await startWebhook(docs);
    expect((await post(url, fixture('group-mention'), SECRET)).status).toBe(200);
    await adapter.stop();
    const again = await startWebhook(docs, true); // a new adapter over the same documents
    expect((await post(again, fixture('group-mention'), SECRET)).status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(api.callsOf('sendMessage')).toHaveLength(1);
  });
});
