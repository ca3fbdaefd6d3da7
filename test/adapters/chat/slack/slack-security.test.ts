import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GuardedHttpReceiver } from '../../../../src/platforms/slack/guarded-http-receiver.ts';
import { fixture, SECRET, startHarness, type Harness } from './slack-harness.ts';
import { slackSignature } from './slack-stand-in.ts';

// Only requests Slack really signed, recently, get in: every forgery gets 401 and does nothing.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const now = () => Math.floor(Date.now() / 1000);

describe('slack request verification', () => {
  it('refuses tampered, unsigned, wrongly signed, stale and future requests with 401 and no side effect', async () => {
    const forged = (n: number) => ({ ...fixture('app_mention'), event_id: `Ev07FORGED${n}`, event: { ...fixture('app_mention').event, ts: `1764219000.00000${n}` } });
    const body = (n: number) => JSON.stringify(forged(n));
    const tampered = body(1).replace('gmv yesterday', 'grant slack:U07EVE ops_manager');
    const cases: [string, Promise<{ status: number }>][] = [
      ['tampered body', h.post(body(1), 'application/json', { sendBody: tampered })],
      ['wrong signature', h.post(body(2), 'application/json', { headers: { 'x-slack-signature': slackSignature('not-the-secret', now(), body(2)) } })],
      ['missing signature', h.post(body(3), 'application/json', { omit: ['x-slack-signature'] })],
      ['missing timestamp', h.post(body(4), 'application/json', { omit: ['x-slack-request-timestamp'] })],
      ['missing both', h.post(body(5), 'application/json', { omit: ['x-slack-signature', 'x-slack-request-timestamp'] })],
      ['6 minutes old', h.post(body(6), 'application/json', { ts: now() - 6 * 60 })],
      ['10 minutes in the future', h.post(body(7), 'application/json', { ts: now() + 10 * 60 })],
    ];
    const statuses = await Promise.all(cases.map(async ([name, p]) => [name, (await p).status]));
    expect(statuses).toEqual(cases.map(([name]) => [name, 401]));

    // The same kind of request, properly signed, goes through: so the refusals above were the check at work.
    await h.event(forged(8));
    await vi.waitFor(() => expect(h.stand.callsOf('chat.postMessage')).toHaveLength(1));
    expect(h.seen).toHaveLength(1);
    expect(h.stand.calls.map((c) => c.method)).toEqual(['auth.test', 'chat.postMessage']);
    expect(h.stand.responses).toEqual([]);
  });

  it('refuses a forged slash command and a forged button press', async () => {
    const cmd = new URLSearchParams({ ...fixture('slash_command'), response_url: h.stand.responseUrl('forged') }).toString();
    expect((await h.post(cmd, 'application/x-www-form-urlencoded', { sendBody: cmd.replace('alice', 'mallory') })).status).toBe(401);
    const press = new URLSearchParams({ payload: JSON.stringify(fixture('block_actions')) }).toString();
    expect((await h.post(press, 'application/x-www-form-urlencoded', { ts: now() - 301 })).status).toBe(401);
    expect(h.seen).toHaveLength(1); // only the signed request of the test before
  });

  it('tells a future timestamp from a fresh one, allowing a little clock skew', () => {
    const at = (ts: number | string | undefined) => ({ headers: ts === undefined ? {} : { 'x-slack-request-timestamp': String(ts) } }) as never;
    const t = 1_764_210_000;
    expect(GuardedHttpReceiver.fromTheFuture(at(t + 600), t * 1000)).toBe(true);
    expect(GuardedHttpReceiver.fromTheFuture(at(t + 5), t * 1000)).toBe(false);
    expect(GuardedHttpReceiver.fromTheFuture(at(t - 60), t * 1000)).toBe(false);
    expect(GuardedHttpReceiver.fromTheFuture(at(undefined), t * 1000)).toBe(false); // Bolt refuses a missing one
    expect(SECRET.length).toBeGreaterThan(16);
  });
});
