import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionToTurn, commandToTurn, decodeButtonValue, encodeButtonValue, eventToTurn, plainText } from '../../../../src/platforms/slack/to-incoming.ts';
import { decodeConversation, slackUserId } from '../../../../src/platforms/slack/slack-ids.ts';

// Recorded Slack payloads (test/fixtures/slack) translated into what the router reads.

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/slack/${name}.json`, import.meta.url), 'utf8'));
const BOT = 'UBOT';

describe('slack toIncoming', () => {
  it('answers an @mention in the thread of the mention, with the bot mention stripped', () => {
    const turn = eventToTurn(fixture('app_mention').event, BOT)!;
    expect(turn.incoming).toEqual({ platform: 'slack', conversation: 'slack:C07OPSROOM', thread: '1764210000.000100', user: 'slack:U07ALICE01', direct: false, text: 'gmv yesterday by channel', messageId: '1764210000.000100' });
    expect(turn).toMatchObject({ channel: 'C07OPSROOM', threadTs: '1764210000.000100' });
  });

  it('keeps a follow-up in its thread and a DM as a direct conversation with the user', () => {
    const follow = eventToTurn(fixture('message_thread_followup').event, BOT)!;
    expect(follow.incoming).toMatchObject({ conversation: 'slack:C07OPSROOM', thread: '1764210000.000100', user: 'slack:U07BOB0002', text: '今天GMV多少', direct: false });
    const dm = eventToTurn(fixture('message_im').event, BOT)!;
    expect(dm.incoming).toMatchObject({ conversation: 'slack:dm:U07ALICE01', direct: true, text: 'orders today' });
    expect(dm.incoming.thread).toBeUndefined();
    expect(dm.channel).toBe('D07ALICEDM');
  });

  it('ignores other bots, its own messages, edits and malformed events', () => {
    expect(eventToTurn(fixture('message_from_bot').event, BOT)).toBeUndefined();
    expect(eventToTurn({ ...fixture('message_im').event, user: BOT }, BOT)).toBeUndefined();
    expect(eventToTurn({ ...fixture('message_im').event, subtype: 'message_changed' }, BOT)).toBeUndefined();
    expect(eventToTurn({ type: 'message', text: 'no channel' }, BOT)).toBeUndefined();
  });

  it('turns mentions of people into qualified ids and unescapes Slack markup', () => {
    expect(plainText('<@UBOT> grant <@U07BOB0002|bob> ops_manager', BOT)).toBe('grant slack:U07BOB0002 ops_manager');
    expect(plainText('refunds &amp; returns &lt;today&gt; in <#C07OPSROOM|ops-room> see <https://x.example/a|dash>', BOT)).toBe('refunds & returns <today> in #ops-room see dash');
  });

  it('reads a slash command in a channel and in a DM', () => {
    const cmd = fixture('slash_command');
    expect(commandToTurn(cmd, BOT)!.incoming).toEqual({ platform: 'slack', conversation: 'slack:C07OPSROOM', user: 'slack:U07ALICE01', userName: 'alice', direct: false, text: 'gmv yesterday by channel', messageId: cmd.trigger_id });
    expect(commandToTurn({ ...cmd, channel_id: 'D07ALICEDM', channel_name: 'directmessage' }, BOT)!.incoming).toMatchObject({ conversation: 'slack:dm:U07ALICE01', direct: true });
    expect(commandToTurn({ text: 'no user' }, BOT)).toBeUndefined();
  });

  it('turns a button press into an action for the presser, in the card language, tied to the card', () => {
    const turn = actionToTurn(fixture('block_actions'))!;
    expect(turn.incoming).toMatchObject({ user: 'slack:U07BOB0002', userName: 'bob', conversation: 'slack:C07OPSROOM', thread: '1764210000.000100', action: { id: 'gmv', value: 'yesterday' }, lang: 'en' });
    expect(turn.cardTs).toBe('1764210400.000500');
    expect(turn.dedupKey).toContain('1764210450.123456');
    const forged = fixture('block_actions');
    forged.actions[0].value = 'approve 42';
    expect(actionToTurn(forged)).toBeUndefined();
  });

  it('round-trips button values and conversation ids', () => {
    expect(decodeButtonValue(encodeButtonValue('approve', 'apr-7', 'zh'))).toEqual({ id: 'approve', value: 'apr-7', lang: 'zh' });
    expect(decodeButtonValue('{"i":""}')).toBeUndefined();
    expect(decodeConversation('slack:dm:U07ALICE01')).toEqual({ dmUser: 'U07ALICE01' });
    expect(decodeConversation('slack:C07OPSROOM')).toEqual({ channel: 'C07OPSROOM' });
    expect(decodeConversation('telegram:123')).toBeUndefined();
    expect(slackUserId('slack:U07BOB0002')).toBe('U07BOB0002');
    expect(slackUserId('console:bob')).toBeUndefined();
  });
});
