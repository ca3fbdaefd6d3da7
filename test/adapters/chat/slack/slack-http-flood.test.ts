import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { badRequests, flood, unexpected } from '../../http/flood.ts';
import { fixture, SECRET, startHarness, type Harness } from './slack-harness.ts';
import { slackSignature } from './slack-stand-in.ts';

// Slack in HTTP mode under a flood of malformed and unknown requests: each gets a plain refusal,
// the listener never stops, and signed events keep being answered throughout.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ limits: { headersTimeoutMs: 600, requestTimeoutMs: 900 } });
});
afterAll(async () => {
  await h?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const sign = (secret: string) => (body: string) => {
  const ts = now();
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(secret, ts, body) };
};
const mention = (n: number) => {
  const f = fixture('app_mention');
  return { ...f, event_id: `Ev07FLOOD${n}`, event: { ...f.event, ts: `1764219100.${String(n).padStart(6, '0')}` } };
};

describe('slack http listener under a flood', () => {
  it('answers a stray GET with 404 instead of crashing (what a load balancer or port scanner sends)', async () => {
    const r = await fetch(`http://127.0.0.1:${h.port}/`);
    expect([r.status, await r.text()]).toEqual([404, 'not found\n']);
    const health = await fetch(`http://127.0.0.1:${h.port}/healthz`);
    expect(await health.json()).toEqual({ ok: true, platforms: { slack: 'online' } });
  });

  it('refuses every malformed request plainly while signed mentions keep being answered', async () => {
    const rounds = 4;
    const flooding = flood(h.port, (r) => badRequests('/slack/events', sign(SECRET), sign('not-the-secret'), r + 1, true), rounds);
    const answers: number[] = [];
    const health: unknown[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push((await h.event(mention(i))).status);
      health.push(await (await fetch(`http://127.0.0.1:${h.port}/healthz`)).json());
    }
    const outcomes = await flooding;
    expect(outcomes).toHaveLength(rounds * badRequests('/', sign(SECRET), sign('x'), 0, true).length);
    expect(unexpected(outcomes)).toEqual([]);
    expect(answers).toEqual(Array(10).fill(200));
    expect(new Set(health.map((x) => JSON.stringify(x)))).toEqual(new Set([JSON.stringify({ ok: true, platforms: { slack: 'online' } })]));
    // Every signed mention got exactly one answer; none of the flood reached the bot.
    await vi.waitFor(() => expect(h.stand.callsOf('chat.postMessage')).toHaveLength(10));
    expect(h.seen.map((i) => i.text)).toEqual(Array(10).fill(h.seen[0]!.text));
    // And after the flood, the listener still answers.
    expect((await h.event(mention(99))).status).toBe(200);
    await vi.waitFor(() => expect(h.stand.callsOf('chat.postMessage')).toHaveLength(11));
  }, 60_000);
});
