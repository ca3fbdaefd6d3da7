import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendError } from '../../../../src/chat/chat-adapter.ts';
import { GuardedHttpReceiver } from '../../../../src/platforms/slack/guarded-http-receiver.ts';
import { SlackAdapter } from '../../../../src/platforms/slack/slack-adapter.ts';
import { slackLogger } from '../../../../src/platforms/slack/slack-logger.ts';
import { makeWebClient, SlackSender } from '../../../../src/platforms/slack/slack-sender.ts';
import { Dispatcher } from '../../../../src/outbound/dispatcher.ts';
import { JournalOutboxStore } from '../../../../src/outbound/journal-outbox-store.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import { replyOf, text } from '../../../../src/chat/reply.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { SlackStandIn } from './slack-stand-in.ts';

// The outbox's Slack sender: channels, threads and DMs; every failure told apart so the
// outbound engine can pace and retry; never a silent second post.

let stand: SlackStandIn;
beforeAll(async () => {
  stand = new SlackStandIn();
  await stand.start();
});
afterAll(async () => {
  await stand.stop();
});

const reply = replyOf('en', text('Stock alert: SK-1 below 10'));
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof SendError ? { failure: e.failure, retryAfterMs: e.retryAfterMs } : { notSendError: String(e) }),
  );

describe('slack sender', () => {
  it('posts to a channel, a thread and a DM, and returns the ts', async () => {
    const sender = new SlackSender(makeWebClient('xoxb-test-token', stand.apiUrl));
    const inChannel = await sender.send({ conversation: 'slack:C07OPSROOM' }, reply, { key: 'stock:SK-1:1' });
    const inThread = await sender.send({ conversation: 'slack:C07OPSROOM', thread: inChannel.messageId }, reply);
    const dm1 = await sender.send({ conversation: 'slack:dm:U07BOB0002' }, reply);
    await sender.send({ conversation: 'slack:dm:U07BOB0002' }, reply);
    expect(inChannel.messageId).toMatch(/^\d+\.\d{6}$/);
    expect(stand.posted.slice(-4).map((m) => [m.channel, m.thread_ts ?? null, m.ts])).toEqual([
      ['C07OPSROOM', null, inChannel.messageId],
      ['C07OPSROOM', inChannel.messageId, inThread.messageId],
      ['D07BOB0002', null, dm1.messageId],
      ['D07BOB0002', null, expect.any(String)],
    ]);
    expect(stand.callsOf('conversations.open').map((c) => c.args.users)).toEqual(['U07BOB0002']); // opened once
  });

  it('finds a message sent with an outbox key, and says surely-not for one never sent', async () => {
    const sender = new SlackSender(makeWebClient('xoxb-test-token', stand.apiUrl));
    const sent = await sender.send({ conversation: 'slack:C07OPSROOM' }, reply, { key: 'brief:2026-11-27:C07' });
    expect(await sender.confirm({ conversation: 'slack:C07OPSROOM' }, 'brief:2026-11-27:C07')).toEqual(sent);
    expect(await sender.confirm({ conversation: 'slack:C07OPSROOM' }, 'brief:2026-11-28:C07')).toBeNull();
  });

  it('tells the engine how a send failed, and never retries on its own', async () => {
    const sender = new SlackSender(makeWebClient('xoxb-test-token', stand.apiUrl));
    const before = stand.posted.length;
    stand.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    expect(await failureOf(sender.send({ conversation: 'slack:C07OPSROOM' }, reply))).toEqual({ failure: 'rate_limited', retryAfterMs: 7000 });
    stand.failNext('chat.postMessage', { status: 500, body: 'oops' });
    expect(await failureOf(sender.send({ conversation: 'slack:C07OPSROOM' }, reply))).toEqual({ failure: 'ambiguous', retryAfterMs: undefined });
    stand.failNext('chat.postMessage', { status: 503, body: 'maintenance' });
    expect(await failureOf(sender.send({ conversation: 'slack:C07OPSROOM' }, reply))).toEqual({ failure: 'transient', retryAfterMs: undefined });
    stand.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    expect(await failureOf(sender.send({ conversation: 'slack:C07GONE' }, reply))).toEqual({ failure: 'permanent', retryAfterMs: undefined });
    expect(await failureOf(sender.send({ conversation: 'telegram:123' }, reply))).toEqual({ failure: 'permanent', retryAfterMs: undefined });
    expect(stand.failed.slice(-4)).toEqual(['chat.postMessage', 'chat.postMessage', 'chat.postMessage', 'chat.postMessage']);
    expect(stand.posted.length).toBe(before); // one request per failure: the client did not resend
  });

  it('calls a refused connection transient and a connection cut mid-request ambiguous', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = new SlackSender(makeWebClient('xoxb-test-token', `http://127.0.0.1:${closedPort}/api/`));
    expect(await failureOf(refused.send({ conversation: 'slack:C07OPSROOM' }, reply))).toEqual({ failure: 'transient', retryAfterMs: undefined });

    let requests = 0;
    const cutter = createServer((socket) => {
      socket.once('data', () => {
        requests++;
        socket.destroy(); // the request arrived; no answer ever comes back
      });
    });
    await new Promise<void>((r) => cutter.listen(0, '127.0.0.1', r));
    const cut = new SlackSender(makeWebClient('xoxb-test-token', `http://127.0.0.1:${(cutter.address() as AddressInfo).port}/api/`));
    expect(await failureOf(cut.send({ conversation: 'slack:C07OPSROOM' }, reply))).toEqual({ failure: 'ambiguous', retryAfterMs: undefined });
    expect(requests).toBe(1);
    await new Promise<void>((r) => cutter.close(() => r()));
  });

  it('through the outbound dispatcher, a 429 with Retry-After delays the message but does not lose it', async () => {
    let now = Date.parse('2026-11-27T02:30:00Z');
    const clock = { now: () => new Date(now) };
    const slept: number[] = [];
    const adapter = new SlackAdapter({ client: makeWebClient('xoxb-test-token', stand.apiUrl), receiver: new GuardedHttpReceiver({ signingSecret: 's', port: 0, logger: slackLogger(silentLogger) }), docs: new MemoryDocStore(), clock, log: silentLogger });
    const store = JournalOutboxStore.memory();
    await store.add([{ key: 'stock:SK-9:1', kind: 'stock', conversation: 'slack:C07OPSROOM', payload: replyOf('zh', text('库存预警：SK-9 低于 10 件')), dueAt: clock.now().toISOString() }], clock.now());
    const dispatcher = new Dispatcher({ store, adapters: { slack: adapter }, clock, sleep: async (ms) => void (slept.push(ms), (now += ms)) });
    const before = stand.posted.length;
    stand.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    const report = await dispatcher.drain();
    expect(report.rateLimited).toBe(1);
    expect(report.sent).toHaveLength(1);
    const entry = store.byKey('stock:SK-9:1')!;
    expect(entry.state).toBe('sent');
    expect(stand.posted.slice(before)).toEqual([expect.objectContaining({ channel: 'C07OPSROOM', ts: entry.messageId, metadata: { event_type: 'store_ops_outbox', event_payload: { key: 'stock:SK-9:1' } } })]);
    expect(slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7000); // it waited as Slack asked
    await store.close();
  });
});
