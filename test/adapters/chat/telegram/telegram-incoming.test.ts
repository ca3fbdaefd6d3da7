import { describe, expect, it } from 'vitest';
import { callbackIncoming, isBareCommand, toIncoming } from '../../../../src/platforms/telegram/telegram-incoming.ts';
import { fixture } from './fixtures.ts';

const me = { id: 7000000001, username: 'StoreOpsBot' };

describe('telegram toIncoming (recorded updates)', () => {
  it('takes a /command addressed to the bot in a group, reply anchored on the message', () => {
    expect(toIncoming(fixture('group-command'), me)).toEqual({
      platform: 'telegram',
      conversation: 'telegram:-1001234567890',
      thread: '41',
      messageId: '41',
      user: 'telegram:111111111',
      userName: '@alice_ops',
      direct: false,
      text: '/gmv today',
      lang: 'en',
    });
  });

  it('strips the @mention of the bot and carries zh from language_code', () => {
    const i = toIncoming(fixture('group-mention'), me)!;
    expect(i.text).toBe('今天GMV多少');
    expect(i.lang).toBe('zh');
    expect(i.userName).toBe('李 娜');
  });

  it('ignores group chatter, and commands meant for another bot', () => {
    expect(toIncoming(fixture('group-chatter'), me)).toBeUndefined();
    expect(toIncoming(fixture('group-other-bot'), me)).toBeUndefined();
  });

  it("answers a reply to the bot's own message in a group, and anything in a private chat", () => {
    expect(toIncoming(fixture('group-reply-to-bot'), me)?.text).toBe('按渠道呢？昨天 按渠道 GMV');
    const dm = toIncoming(fixture('private-text'), me)!;
    expect(dm).toMatchObject({ direct: true, conversation: 'telegram:dm:222222222', text: 'gmv yesterday', lang: 'zh' });
  });

  it('keeps the forum topic in the conversation id', () => {
    expect(toIncoming(fixture('topic-command'), me)).toMatchObject({ conversation: 'telegram:-1009876543210:12', thread: '88', text: '/gmv this week' });
  });

  it('turns mentions of other people into qualified user ids', () => {
    expect(toIncoming(fixture('group-text-mention'), me)?.text).toBe('grant telegram:222222222 ops_manager');
    const byName = { ...fixture('group-mention') } as any;
    byName.message = { ...byName.message, text: '@StoreOpsBot grant @bob_w admin', entities: [{ offset: 0, length: 12, type: 'mention' }, { offset: 19, length: 6, type: 'mention' }] };
    expect(toIncoming(byName, me, { userByName: (u) => (u === 'bob_w' ? 'telegram:333' : undefined) })?.text).toBe('grant telegram:333 admin');
    expect(toIncoming(byName, me)?.text).toBe('grant @bob_w admin');
  });

  it('tells a bare group /command (maybe for another bot) from one addressed to the bot', () => {
    expect(isBareCommand(fixture('topic-command'))).toBe(true);
    expect(isBareCommand(fixture('group-command'))).toBe(false);
    expect(isBareCommand(fixture('group-mention'))).toBe(false);
    const dm = fixture('private-text') as any;
    dm.message = { ...dm.message, text: '/gmv', entities: [{ offset: 0, length: 4, type: 'bot_command' }] };
    expect(isBareCommand(dm)).toBe(false); // in a private chat every command is for us
  });

  it('makes a button press an action from the presser, in the language of the card', () => {
    const q = fixture('callback-press').callback_query!;
    expect(callbackIncoming(q, { id: 'approve', value: 'B-17' }, 'en')).toEqual({
      platform: 'telegram',
      conversation: 'telegram:-1001234567890',
      thread: '501',
      messageId: '501',
      user: 'telegram:222222222',
      userName: '李 娜',
      direct: false,
      action: { id: 'approve', value: 'B-17' },
      lang: 'en',
    });
  });
});
