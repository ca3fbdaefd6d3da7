import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockText, fixture, startHarness, type Harness } from './slack-harness.ts';

// Slash commands, @mentions, DMs and thread follow-ups through the real Bolt app over signed
// HTTP, answered through the stand-in's Web API.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const posts = () => h!.stand.callsOf('chat.postMessage').map((c) => c.args);

describe('slack conversation', () => {
  it('acks /ops at once and answers in the channel with a Block Kit card, then follows up in its thread without a mention', async () => {
    h = await startHarness();
    const cmd = { ...fixture('slash_command'), response_url: h.stand.responseUrl('cmd-1') };
    const res = await h.form(cmd);
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    const [answer] = posts();
    expect(answer.channel).toBe('C07OPSROOM');
    expect(answer.thread_ts).toBeUndefined();
    const text = blockText(answer.blocks);
    expect(text).toContain('<@U07ALICE01> /ops gmv yesterday by channel'); // who asked, for the room
    expect(text).toMatch(/¥600\.00/); // yesterday's GMV: 400 + 200
    expect(text).toMatch(/```[^`]*Tmall[^`]*¥400\.00[^`]*```/);
    expect(typeof answer.text).toBe('string');
    expect(answer.text).toContain('600.00'); // notification fallback
    expect(h.stand.callsOf('chat.postMessage')[0].token).toBe('xoxb-test-token');

    // A follow-up in the thread of that answer, with no @mention, is answered there.
    const answerTs = h.stand.posted[0].ts;
    const follow = fixture('message_thread_followup');
    follow.event.thread_ts = answerTs;
    expect((await h.event(follow)).status).toBe(200);
    await vi.waitFor(() => expect(posts()).toHaveLength(2));
    expect(posts()[1]).toMatchObject({ channel: 'C07OPSROOM', thread_ts: answerTs });
    expect(blockText(posts()[1].blocks)).toContain('¥123.45'); // 今天GMV, in Chinese
    expect(blockText(posts()[1].blocks)).toMatch(/上期/);
  });

  it('answers an @mention in its thread, ignores bots and chatter in threads it never answered, and DMs in place', async () => {
    h = await startHarness();
    const mention = fixture('app_mention');
    await h.event(mention);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ channel: 'C07OPSROOM', thread_ts: mention.event.ts });
    expect(h.seen[0]).toMatchObject({ user: 'slack:U07ALICE01', conversation: 'slack:C07OPSROOM', thread: mention.event.ts, text: 'gmv yesterday by channel' });

    await h.event(fixture('message_from_bot')); // another bot, in the thread the bot answered
    const stranger = fixture('message_thread_followup');
    stranger.event_id = 'Ev07STRANGER';
    stranger.event.thread_ts = '1764200000.000001'; // a thread the bot never answered
    await h.event(stranger);
    await h.event(fixture('message_im'));
    await vi.waitFor(() => expect(posts()).toHaveLength(2));
    expect(posts()[1].channel).toBe('D07ALICEDM');
    expect(posts()[1].thread_ts).toBeUndefined();
    expect(h.seen.map((i) => i.conversation)).toEqual(['slack:C07OPSROOM', 'slack:dm:U07ALICE01']);
    expect(h.seen[1].direct).toBe(true);
  });

  it('processes an event once when Slack retries it, but processes a retry after a failed first attempt', async () => {
    h = await startHarness();
    const mention = fixture('app_mention');
    await h.event(mention);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    await h.event(mention, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });

    const other = { ...fixture('app_mention'), event_id: 'Ev07MENTION2', event: { ...fixture('app_mention').event, ts: '1764210500.000900', text: '<@UBOT> orders today' } };
    h.stand.failNext('chat.postMessage', { status: 500, body: 'upstream' });
    await h.event(other); // the answer fails to post
    await vi.waitFor(() => expect(h!.stand.failed).toEqual(['chat.postMessage']));
    await vi.waitFor(() => expect(h!.adapter.memory.inProgress).toBe(0)); // the failed attempt let go of the event
    await h.event(other, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } });
    await vi.waitFor(() => expect(posts()).toHaveLength(2));
    expect(posts()[1].thread_ts).toBe('1764210500.000900');
    // mention once, its retry dropped; the failed one twice (first attempt and Slack's retry)
    expect(h.seen.map((i) => i.text)).toEqual(['gmv yesterday by channel', 'orders today', 'orders today']);
  });

  it('remembers answered threads and processed events across a restart', async () => {
    h = await startHarness();
    const mention = fixture('app_mention');
    await h.event(mention);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    await h.restart();
    await h.event(mention, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    const follow = fixture('message_thread_followup'); // in the mention's thread
    await h.event(follow);
    await vi.waitFor(() => expect(posts()).toHaveLength(2));
    expect(posts()[1].thread_ts).toBe(mention.event.ts);
    expect(h.seen).toHaveLength(2);
  });

  it('maps Slack users to roles: an admin grants a role by @mention, a non-admin is refused', async () => {
    h = await startHarness({ env: { BOT_ADMINS: 'slack:U07ALICE01' } });
    const mention = (id: string, user: string, ts: string, text: string) => ({ ...fixture('app_mention'), event_id: id, event: { ...fixture('app_mention').event, user, ts, text } });
    await h.event(mention('Ev07GRANT1', 'U07BOB0002', '1764210700.000001', '<@UBOT> grant <@U07CAROL03|carol> ops_manager'));
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    expect(h.app.services.roles.rolesOf('slack:U07CAROL03')).not.toContain('ops_manager');
    await h.event(mention('Ev07GRANT2', 'U07ALICE01', '1764210800.000001', '<@UBOT> grant <@U07CAROL03|carol> ops_manager'));
    await vi.waitFor(() => expect(posts()).toHaveLength(2));
    expect(h.seen[1].text).toBe('grant slack:U07CAROL03 ops_manager');
    expect(blockText(posts()[1].blocks)).toContain('<@U07CAROL03>'); // shown to people as a mention
    expect(h.app.services.roles.rolesOf('slack:U07CAROL03')).toContain('ops_manager');
  });

  it('answers a mention inside a thread it already answered once, though Slack sends it as both app_mention and message', async () => {
    h = await startHarness();
    const mention = fixture('app_mention');
    await h.event(mention);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    const inThread = { ...mention.event, ts: '1764210900.000001', thread_ts: mention.event.ts, text: '<@UBOT> orders today' };
    await h.event({ ...mention, event_id: 'Ev07BOTH1', event: inThread });
    await h.event({ ...fixture('message_thread_followup'), event_id: 'Ev07BOTH2', event: { ...inThread, type: 'message', channel_type: 'channel' } });
    await h.event(fixture('message_im')); // a later request: both copies above were handled before it
    await vi.waitFor(() => expect(posts()).toHaveLength(3));
    expect(h.seen.map((i) => [i.conversation, i.text])).toEqual([
      ['slack:C07OPSROOM', 'gmv yesterday by channel'],
      ['slack:C07OPSROOM', 'orders today'], // once, from app_mention; the message copy is skipped
      ['slack:dm:U07ALICE01', 'orders today'],
    ]);
    expect(posts().filter((p) => p.thread_ts === mention.event.ts)).toHaveLength(2);
  });

  it('answers Slack URL verification', async () => {
    h = await startHarness();
    const res = await h.event({ token: 'x', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' });
    expect(res).toEqual({ status: 200, text: expect.stringContaining('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P') });
  });
});
