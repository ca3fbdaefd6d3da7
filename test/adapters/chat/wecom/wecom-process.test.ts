import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startBotProcess, type BotProcess } from '../../../support/bot-process.ts';
import { flood, unexpected, type BadRequest } from '../../http/flood.ts';
import { requestBytes } from '../../http/raw-client.ts';
import { textBody, WecomGateway } from './wecom-gateway-stand-in.ts';
import { seal, signature } from './wecom-scheme.ts';

// The real bot process (`store-ops-bot start`) as a WeCom smart bot in both modes at once: the
// long connection to a loopback gateway stand-in and the callback listener on 127.0.0.1. A flood
// of scanners, forgeries and junk on the callback port leaves it running and answering chat.

const TOKEN = 'T0kenStoreOps';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';


let gw: WecomGateway;
let bot: BotProcess;
let port: number;

beforeAll(async () => {
  gw = new WecomGateway();
  const wsUrl = await gw.listen();
  port = await freePort();
  const env: Record<string, string> = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'wecom-process-')),
    DEMO_STORE: 'off',
    LOG_LEVEL: 'info',
    BOT_NOW: '2026-11-27T14:00:00+08:00',
    HTTP_HOST: '127.0.0.1',
    WECOM_BOT_ID: 'aibSTOREOPS',
    WECOM_BOT_SECRET: 'sekret',
    WECOM_BOT_WS_URL: wsUrl,
    WECOM_BOT_TOKEN: TOKEN,
    WECOM_BOT_ENCODING_AES_KEY: AES_KEY,
    WECOM_BOT_PORT: String(port),
  };
  bot = await startBotProcess(env, { ports: [port], platforms: { wecom: 'online' } });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await gw?.close();
});

/** What a scanner, a forger and a broken client send to /wecom/bot, each with the answers allowed. */
function wecomJunk(seed: number): BadRequest[] {
  const ts = String(Math.floor(Date.now() / 1000));
  const enc = seal(AES_KEY, JSON.stringify(textBody(`junk-${seed}`, 'gmv')));
  const signed = (t: string, e: string) => `/wecom/bot?msg_signature=${signature(TOKEN, t, 'n', e)}&timestamp=${t}&nonce=n`;
  const post = (path: string, body: string) => requestBytes('POST', path, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, body);
  return [
    { kind: 'GET /', pieces: [requestBytes('GET', '/')], allowed: [404] },
    { kind: 'GET /wecom/bot bare', pieces: [requestBytes('GET', '/wecom/bot')], allowed: [400] },
    { kind: 'PUT /wecom/bot', pieces: [requestBytes('PUT', '/wecom/bot')], allowed: [405] },
    { kind: 'forged signature', pieces: [post(`/wecom/bot?msg_signature=${'0'.repeat(40)}&timestamp=${ts}&nonce=n`, JSON.stringify({ encrypt: enc }))], allowed: [403] },
    { kind: 'stale timestamp', pieces: [post(signed(String(Number(ts) - 3600), enc), JSON.stringify({ encrypt: enc }))], allowed: [403] },
    { kind: 'bad padding', pieces: [post(signed(ts, seal(AES_KEY, '{"msgid":"x"}', { badPadding: true })), JSON.stringify({ encrypt: seal(AES_KEY, '{"msgid":"x"}', { badPadding: true }) }))], allowed: [403] },
    { kind: 'not JSON', pieces: [post(signed(ts, enc), '{"encrypt":')], allowed: [400] },
    { kind: 'declared 10 MB body', pieces: [requestBytes('POST', '/wecom/bot', { 'content-length': 10 * 1024 * 1024 }), 'x'.repeat(100_000)], allowed: [413] },
    { kind: 'random bytes', pieces: [Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + seed) & 0xff))], allowed: [400] },
  ];
}

describe('the WeCom bot process', () => {
  it('keeps answering over the long connection while its callback port is flooded', async () => {
    const flooding = flood(port, (r) => wecomJunk(r), 3, 6);
    for (let i = 0; i < 5; i++) gw.message(textBody(`live-${i}`, 'gmv today', { group: 'wrOpsRoom01', user: 'zhangsan' }));
    expect(unexpected(await flooding)).toEqual([]);
    await vi.waitFor(() => expect(gw.sent('aibot_respond_msg')).toHaveLength(5), { timeout: 20_000 });
    expect(bot.child.exitCode, bot.stderr()).toBeNull();
    expect(bot.stderr()).toContain('wecom smart bot online (long connection)');
    expect(bot.stderr()).toContain('wecom smart bot callback listening');
    for (const secret of ['sekret', TOKEN, AES_KEY]) expect(bot.stderr()).not.toContain(secret);
  }, 90_000);
});
