import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackAdapter } from '../../../../src/platforms/slack/create-slack-adapter.ts';
import { healthBoard } from '../../../../src/adapters/http/health-board.ts';
import type { SlackAdapter } from '../../../../src/platforms/slack/slack-adapter.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import { openApp } from '../../../../src/app/compose.ts';
import type { Incoming } from '../../../../src/chat/incoming.ts';
import { ConfigError, loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { blockText, fixture, NOW } from './slack-harness.ts';
import { SlackStandIn } from './slack-stand-in.ts';

// Socket Mode, as configured by SLACK_APP_TOKEN: the real SocketModeReceiver opens a connection
// through apps.connections.open, and Slack's envelopes arrive over a WebSocket and are acked.

let stand: SlackStandIn;
let wss: WebSocketServer;
let socket: WebSocket | undefined;
const acks: string[] = [];
let adapter: SlackAdapter;
const seen: Incoming[] = [];

beforeAll(async () => {
  stand = new SlackStandIn();
  await stand.start();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  stand.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (m) => acks.push(JSON.parse(String(m)).envelope_id));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0OPSBOT' } }));
  });
  const config = loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: NOW, LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_API_URL: stand.apiUrl });
  const app = await openApp(config, { memory: true, log: silentLogger });
  adapter = createSlackAdapter(config, silentLogger, { docs: new MemoryDocStore() })!;
  await adapter.start(async (i) => (seen.push(i), app.bot.handle(i)));
});

afterAll(async () => {
  await adapter.stop();
  await new Promise<void>((r) => wss.close(() => r()));
  await stand.stop();
});

const envelope = (id: string, type: string, payload: unknown) => socket!.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));

describe('slack socket mode', () => {
  it('connects with the app token and answers an @mention and a slash command delivered over the socket', async () => {
    expect(stand.callsOf('apps.connections.open')[0].token).toBe('xapp-test-token');
    envelope('env-1', 'events_api', fixture('app_mention'));
    envelope('env-2', 'slash_commands', { ...fixture('slash_command'), text: '今天GMV', response_url: stand.responseUrl('sm') });
    await vi.waitFor(() => expect(stand.callsOf('chat.postMessage')).toHaveLength(2));
    expect(acks).toEqual(expect.arrayContaining(['env-1', 'env-2']));
    const posted = stand.callsOf('chat.postMessage').map((c) => c.args);
    expect(posted.find((p) => p.thread_ts)).toMatchObject({ channel: 'C07OPSROOM', thread_ts: fixture('app_mention').event.ts });
    expect(blockText(posted.find((p) => !p.thread_ts)!.blocks)).toContain('<@U07ALICE01> /ops 今天GMV');
    expect(seen.map((i) => i.text)).toEqual(expect.arrayContaining(['gmv yesterday by channel', '今天GMV']));
  });

  it('reports the open socket on the health board that /healthz reads', () => {
    expect(healthBoard.get('slack')).toBe('online');
  });

  it('is enabled by SLACK_BOT_TOKEN and needs a signing secret in HTTP mode', () => {
    expect(createSlackAdapter(loadConfig({ DATA_DIR: '/x' }), silentLogger, { docs: new MemoryDocStore() })).toBeUndefined();
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(ConfigError);
  });
});
