import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactIdOf, parseConversation } from '../../../../src/platforms/wechat/wechat-ids.ts';
import { toIncoming, type WechatRaw } from '../../../../src/platforms/wechat/wechat-incoming.ts';

// toIncoming on payloads recorded from Wechaty over wechaty-puppet-mock.

const fixture = (name: string): WechatRaw => JSON.parse(readFileSync(`test/fixtures/wechat/${name}.json`, 'utf8'));

describe('toIncoming', () => {
  it('strips the @mention of the bot and marks the room message as addressed', () => {
    const p = toIncoming(fixture('room-mention'));
    expect(p).toEqual({
      kind: 'message',
      addressed: true,
      incoming: { platform: 'wechat', conversation: 'wechat:room:R1@chatroom', user: 'wechat:wxid_alice', userName: '小王', direct: false, text: '今天GMV', messageId: fixture('room-mention').id },
    });
  });

  it('takes the prefix as addressing and strips it; a custom prefix works too', () => {
    expect(toIncoming(fixture('room-prefix'))).toMatchObject({ addressed: true, incoming: { text: '昨天 按渠道 退款率' } });
    expect(toIncoming(fixture('room-prefix'), '!')).toMatchObject({ addressed: false, incoming: { text: '/昨天 按渠道 退款率' } });
    expect(toIncoming({ ...fixture('room-chatter'), text: '！今天GMV' }, '！')).toMatchObject({ addressed: true, incoming: { text: '今天GMV' } });
  });

  it('leaves room chatter unaddressed, and ignores its own messages and non-text', () => {
    expect(toIncoming(fixture('room-chatter'))).toMatchObject({ kind: 'message', addressed: false });
    expect(toIncoming(fixture('room-self'))).toEqual({ kind: 'ignore', why: 'self' });
    expect(toIncoming(fixture('room-image'))).toEqual({ kind: 'ignore', why: 'not_text' });
    expect(toIncoming({ ...fixture('room-mention'), text: '@运营助手\u2005' })).toEqual({ kind: 'ignore', why: 'empty' });
    expect(toIncoming({ id: 'x' } as unknown as WechatRaw)).toEqual({ kind: 'ignore', why: 'bad_payload' });
  });

  it('treats every direct message as addressed', () => {
    expect(toIncoming(fixture('dm-text'))).toMatchObject({ addressed: true, incoming: { conversation: 'wechat:dm:wxid_bob', user: 'wechat:wxid_bob', direct: true, text: 'help' } });
  });

  it('turns @mentions of other people into qualified ids', () => {
    expect(toIncoming(fixture('room-grant-mention'))).toMatchObject({ incoming: { text: 'grant wechat:wxid_bob ops_manager' } });
  });

  it('knows the bot by its room alias as well as its name', () => {
    const raw = { ...fixture('room-chatter'), text: '@小助手 今天GMV', self: { id: 'wxid_opsbot', name: '运营助手', aliases: ['小助手'] } };
    expect(toIncoming(raw)).toMatchObject({ addressed: true, incoming: { text: '今天GMV' } });
  });
});

describe('WeChat ids', () => {
  it('decodes what it encodes and refuses other platforms', () => {
    expect(parseConversation('wechat:room:R1@chatroom')).toEqual({ kind: 'room', id: 'R1@chatroom' });
    expect(parseConversation('wechat:dm:wxid_a')).toEqual({ kind: 'dm', id: 'wxid_a' });
    expect(parseConversation('slack:C0123')).toBeUndefined();
    expect(contactIdOf('wechat:wxid_a')).toBe('wxid_a');
    expect(contactIdOf('slack:U1')).toBeUndefined();
  });
});
