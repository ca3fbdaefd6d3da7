import { afterEach, describe, expect, it, vi } from 'vitest';
import { text, type Reply } from '../../../../src/chat/reply.ts';
import { blockText, fixture, startHarness, type Harness } from './slack-harness.ts';

// Button presses: acked at once, handed to the bot once, and a decision rewrites the card.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Answers a press as a decision would: the card, rewritten. Typed questions pass through unchanged. */
const decide = (reply: Reply, incoming: { action?: unknown }): Reply =>
  incoming.action ? { ...reply, blocks: [text('Budget change approved', 'heading'), ...reply.blocks, { type: 'choices', choices: [{ label: 'Undo', action: { id: 'gmv', value: 'today' } }] }], replaceOriginal: true } : reply;

describe('slack button presses', () => {
  it('reaches the bot once when Slack delivers the same press twice, and updates the card with who decided and no buttons', async () => {
    h = await startHarness({ shape: decide });
    const press = { ...fixture('block_actions'), response_url: h.stand.responseUrl('press-1') };
    const [first, second] = await Promise.all([h.interactive(press), h.interactive(press)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await vi.waitFor(() => expect(h!.stand.callsOf('chat.update')).toHaveLength(1));
    // A later, different request is handled after both deliveries, so the duplicate had its chance.
    await h.event(fixture('message_im'));
    await vi.waitFor(() => expect(h!.stand.callsOf('chat.postMessage')).toHaveLength(1));
    expect(h.seen.filter((i) => i.action)).toEqual([
      expect.objectContaining({ user: 'slack:U07BOB0002', action: { id: 'gmv', value: 'yesterday' }, lang: 'en', conversation: 'slack:C07OPSROOM', thread: '1764210000.000100' }),
    ]);
    const update = h.stand.callsOf('chat.update')[0].args;
    expect(update).toMatchObject({ channel: 'C07OPSROOM', ts: '1764210400.000500' });
    const blocks = update.blocks as { type: string }[];
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    const shown = blockText(blocks);
    expect(shown).toContain('Budget change approved');
    expect(shown).toMatch(/✅ <@U07BOB0002> decided <!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-11-27T02:30:00\.000Z>/);
    expect(h.stand.responses).toEqual([]);
  });

  it('replaces an ephemeral card through response_url, and answers a plain press in the card thread', async () => {
    h = await startHarness({ shape: (r, i) => (i.action && i.action.value === 'yesterday' ? decide(r, i) : r) });
    const ephemeral = { ...fixture('block_actions'), response_url: h.stand.responseUrl('eph'), container: { ...fixture('block_actions').container, is_ephemeral: true } };
    await h.interactive(ephemeral);
    await vi.waitFor(() => expect(h!.stand.responses).toHaveLength(1));
    expect(h.stand.responses[0]).toMatchObject({ path: '/response/eph', body: { replace_original: true } });
    expect(blockText(h.stand.responses[0].body.blocks)).toContain('Budget change approved');

    const plain = fixture('block_actions');
    plain.actions[0].value = JSON.stringify({ i: 'gmv', v: 'today', l: 'zh' });
    plain.actions[0].action_ts = '1764210460.000001';
    plain.response_url = h.stand.responseUrl('plain');
    await h.interactive(plain);
    await vi.waitFor(() => expect(h!.stand.callsOf('chat.postMessage')).toHaveLength(1));
    expect(h.stand.callsOf('chat.postMessage')[0].args).toMatchObject({ channel: 'C07OPSROOM', thread_ts: '1764210000.000100' });
    expect(blockText(h.stand.callsOf('chat.postMessage')[0].args.blocks)).toContain('上期'); // the card's language
    expect(h.stand.callsOf('chat.update')).toEqual([]);
  });

  it('falls back to response_url when the bot is not in the channel of a slash command, and keeps ephemeral answers private', async () => {
    h = await startHarness({ shape: (r, i) => (i.text === 'help' ? { ...r, ephemeral: true } : r) });
    h.stand.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    await h.form({ ...fixture('slash_command'), response_url: h.stand.responseUrl('cmd-a') });
    await vi.waitFor(() => expect(h!.stand.responses).toHaveLength(1));
    expect(h.stand.responses[0].body).toMatchObject({ response_type: 'in_channel' });
    expect(blockText(h.stand.responses[0].body.blocks)).toContain('¥600.00');

    await h.form({ ...fixture('slash_command'), text: 'help', trigger_id: '2.2.2', response_url: h.stand.responseUrl('cmd-b') });
    await vi.waitFor(() => expect(h!.stand.responses).toHaveLength(2));
    expect(h.stand.responses[1]).toMatchObject({ path: '/response/cmd-b', body: { response_type: 'ephemeral' } });
    expect(h.stand.callsOf('chat.postMessage')).toEqual([]);
  });

  it('runs a real budget approval: the card from a request, a manager presses Approve twice, the card is rewritten once', async () => {
    h = await startHarness({ env: { BOT_ADMINS: 'slack:U07ALICE01' } });
    let n = 0;
    const ask = async (user: string, text: string) => {
      const before = h!.stand.posted.length;
      await h!.form({ ...fixture('slash_command'), user_id: user, text, trigger_id: `t-${++n}`, response_url: h!.stand.responseUrl(`r${n}`) });
      await vi.waitFor(() => expect(h!.stand.posted.length).toBe(before + 1));
      return { args: h!.stand.callsOf('chat.postMessage').at(-1)!.args, ts: h!.stand.posted.at(-1)!.ts };
    };
    await ask('U07ALICE01', 'grant <@U07BOB0002|bob> ops_manager');
    await ask('U07ALICE01', 'grant <@U07ALICE01|alice> ops_manager');
    await ask('U07ALICE01', 'budget set 2026-11 total 100000 douyin 20000 xiaohongshu 15000 tmall 15000');
    const card = await ask('U07CAROL03', 'budget request douyin +2000 for Double 11 live streams');
    const buttons = (card.args.blocks as { type: string; elements?: { action_id: string; value: string; style?: string }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
    const approve = buttons.find((b) => b.style === 'primary')!;
    expect(approve).toBeDefined();
    const press = { ...fixture('block_actions'), container: { type: 'message', message_ts: card.ts, channel_id: 'C07OPSROOM', is_ephemeral: false }, message: { ts: card.ts }, actions: [{ ...fixture('block_actions').actions[0], action_id: approve.action_id, value: approve.value }], response_url: h.stand.responseUrl('press') };
    await Promise.all([h.interactive(press), h.interactive(press)]);
    await vi.waitFor(() => expect(h!.stand.callsOf('chat.update')).toHaveLength(1));
    await h.event(fixture('message_im'));
    await vi.waitFor(() => expect(h!.seen.at(-1)!.text).toBe('orders today'));
    expect(h.seen.filter((i) => i.action)).toHaveLength(1);
    const update = h.stand.callsOf('chat.update')[0].args;
    expect(update.ts).toBe(card.ts);
    expect((update.blocks as { type: string }[]).some((b) => b.type === 'actions')).toBe(false);
    expect(blockText(update.blocks)).toContain('<@U07BOB0002>'); // who decided, as a mention
  });
});
