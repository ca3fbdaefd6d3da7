import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TelegramAdapter } from '../../../../src/platforms/telegram/telegram-adapter.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import type { Incoming } from '../../../../src/chat/incoming.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { badRequests, flood, unexpected } from '../../http/flood.ts';
import { rawRequest, requestBytes } from '../../http/raw-client.ts';
import { BOT_INFO, BotApiStandIn } from './bot-api-stand-in.ts';
import { fixture } from './fixtures.ts';

// The Telegram webhook under a flood of malformed and unknown requests: each gets a plain
// refusal, no body is read past the cap, and genuine updates keep being answered throughout.

const SECRET = 'flood-secret_42';
let api: BotApiStandIn;
let adapter: TelegramAdapter;
let port: number;
const seen: Incoming[] = [];

beforeAll(async () => {
  api = new BotApiStandIn();
  const root = await api.listen();
  adapter = new TelegramAdapter({
    token: '123:TEST',
    apiRoot: root,
    botInfo: BOT_INFO,
    webhook: { url: 'https://bot.example.com/telegram', port: 0, host: '127.0.0.1', secret: SECRET, limits: { headersTimeoutMs: 600, requestTimeoutMs: 900 } },
    docs: new MemoryDocStore(),
    log: silentLogger,
  });
  await adapter.start(async (i) => {
    seen.push(i);
    return { lang: 'en', blocks: [{ type: 'text', text: 'GMV: ¥1.00' }] };
  });
  port = adapter.port!;
});
afterAll(async () => {
  await adapter?.stop();
  await api?.close();
});

const post = (update: unknown, secret = SECRET) =>
  fetch(`http://127.0.0.1:${port}/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': secret }, body: JSON.stringify(update) });

describe('telegram webhook under a flood', () => {
  it('serves /healthz and refuses unknown paths and methods', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true, platforms: { telegram: 'online' } });
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    const get = await fetch(`http://127.0.0.1:${port}/telegram`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('refuses a 10 MB body with 413 before reading it, even with the right secret', async () => {
    const head = requestBytes('POST', '/telegram', { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET, 'content-length': 10 * 1024 * 1024 });
    const r = await rawRequest(port, [head, `{"update_id":5,"pad":"${'x'.repeat(256 * 1024)}`]);
    expect([r.status, r.closed]).toEqual([413, true]);
    expect(r.text).toContain('body too large (limit 1048576 bytes)');
    expect(seen).toEqual([]);
  });

  it('refuses every malformed request plainly while genuine updates keep being answered', async () => {
    const rounds = 4;
    const sign = () => ({ 'x-telegram-bot-api-secret-token': SECRET });
    const forge = () => ({ 'x-telegram-bot-api-secret-token': `${SECRET}x` });
    const flooding = flood(port, (r) => badRequests('/telegram', sign, forge, r + 1, true), rounds);
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push((await post(fixture('group-mention', 7000 + i))).status);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    }
    const outcomes = await flooding;
    expect(outcomes).toHaveLength(rounds * badRequests('/', sign, forge, 0, true).length);
    expect(unexpected(outcomes)).toEqual([]);
    expect(answers).toEqual(Array(10).fill(200));
    await vi.waitFor(() => expect(api.callsOf('sendMessage')).toHaveLength(10));
    expect(seen).toHaveLength(10);
    expect((await post(fixture('group-mention', 7999))).status).toBe(200);
    expect(seen).toHaveLength(11);
  }, 60_000);
});
