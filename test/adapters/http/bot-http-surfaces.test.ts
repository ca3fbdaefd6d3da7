import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startBotProcess, type BotProcess } from '../../support/bot-process.ts';
import { BotApiStandIn } from '../chat/telegram/bot-api-stand-in.ts';
import { fixture as telegramUpdate } from '../chat/telegram/fixtures.ts';
import { SlackStandIn, slackSignature } from '../chat/slack/slack-stand-in.ts';
import { badRequests, flood, unexpected } from './flood.ts';

// The real bot process (`store-ops-bot start`) with Slack in HTTP mode and a Telegram webhook,
// both on 127.0.0.1 and talking to local stand-ins. A stray GET used to kill it; now a flood of
// bad requests on both ports leaves it running and answering, and /healthz says so.

const SLACK_SECRET = 'e2e-signing-secret-0123456789abcdef';
const TG_SECRET = 'e2e-webhook-secret';
const slackMention = JSON.parse(readFileSync(new URL('../../fixtures/slack/app_mention.json', import.meta.url), 'utf8'));


let slack: SlackStandIn;
let telegram: BotApiStandIn;
let bot: BotProcess;
let slackPort: number;
let tgPort: number;

beforeAll(async () => {
  slack = new SlackStandIn();
  await slack.start();
  telegram = new BotApiStandIn();
  const tgRoot = await telegram.listen();
  [slackPort, tgPort] = [await freePort(), await freePort()];
  const env: Record<string, string> = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'http-surfaces-')),
    DEMO_STORE: 'off',
    LOG_LEVEL: 'warn',
    BOT_NOW: '2026-11-27T14:00:00+08:00',
    HTTP_HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-e2e',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_PORT: String(slackPort),
    TELEGRAM_BOT_TOKEN: '123:TEST',
    TELEGRAM_API_ROOT: tgRoot,
    TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram',
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    TELEGRAM_WEBHOOK_PORT: String(tgPort),
  };
  bot = await startBotProcess(env, { ports: [slackPort, tgPort], platforms: { slack: 'online', telegram: 'online' } });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
  await telegram?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const slackSign = (secret: string) => (body: string) => {
  const ts = now();
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(secret, ts, body) };
};
const postSlack = (payload: object) => {
  const body = JSON.stringify(payload);
  return fetch(`http://127.0.0.1:${slackPort}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...slackSign(SLACK_SECRET)(body) }, body });
};
const postTelegram = (update: object) =>
  fetch(`http://127.0.0.1:${tgPort}/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET }, body: JSON.stringify(update) });
const mention = (n: number) => ({ ...slackMention, event_id: `Ev07E2E${n}`, event: { ...slackMention.event, ts: `1764219200.${String(n).padStart(6, '0')}` } });

describe('the bot process behind its HTTP listeners', () => {
  it('survives `curl /` on the Slack port and answers it with 404', async () => {
    const r = await fetch(`http://127.0.0.1:${slackPort}/`);
    expect([r.status, await r.text()]).toEqual([404, 'not found\n']);
    expect((await fetch(`http://127.0.0.1:${tgPort}/`)).status).toBe(404);
    // The same process still serves: Bolt's HTTPReceiverDeferredRequestError used to end it right here.
    expect((await fetch(`http://127.0.0.1:${slackPort}/healthz`)).status).toBe(200);
    expect(bot.child.exitCode, bot.stderr()).toBeNull();
  });

  it('keeps answering Slack and Telegram while both ports are flooded, and never leaks a secret in /healthz', async () => {
    const slackFlood = flood(slackPort, (r) => badRequests('/slack/events', slackSign(SLACK_SECRET), slackSign('forged'), r + 11, false), 2, 6);
    const tgFlood = flood(tgPort, (r) => badRequests('/telegram', () => ({ 'x-telegram-bot-api-secret-token': TG_SECRET }), () => ({ 'x-telegram-bot-api-secret-token': 'forged' }), r + 21, false), 2, 6);
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push((await postSlack(mention(i))).status, (await postTelegram(telegramUpdate('group-mention', 9100 + i))).status);
    }
    const outcomes = [...(await slackFlood), ...(await tgFlood)];
    expect(unexpected(outcomes)).toEqual([]);
    expect(answers).toEqual(Array(10).fill(200));
    await vi.waitFor(() => expect(slack.callsOf('chat.postMessage')).toHaveLength(5), { timeout: 20_000 });
    await vi.waitFor(() => expect(telegram.callsOf('sendMessage')).toHaveLength(5), { timeout: 20_000 });
    expect(bot.child.exitCode, bot.stderr()).toBeNull();
    const health = await (await fetch(`http://127.0.0.1:${tgPort}/healthz`)).text();
    expect(JSON.parse(health)).toEqual({ ok: true, platforms: { slack: 'online', telegram: 'online' } });
    for (const secret of [SLACK_SECRET, TG_SECRET, 'xoxb-e2e', '123:TEST']) expect(health).not.toContain(secret);
  }, 90_000);
});
