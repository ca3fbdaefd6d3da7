import { describe, expect, it } from 'vitest';
import { actionOfKey, keyOf, pressIncoming, toIncoming } from '../../../../src/platforms/wecom/wecom-incoming.ts';
import { conversationOf, placeOf, wecomUser } from '../../../../src/platforms/wecom/wecom-ids.ts';

// Recorded callback bodies, in the shapes of WeCom's 接收消息 / 接收事件 documentation.

const group = {
  msgid: 'CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=',
  aibotid: 'AIBOTID',
  chatid: 'wrkSFfCgAAtMQKg4xqDatM5C9IDHFpTw',
  chattype: 'group',
  from: { userid: 'zhangsan' },
  response_url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RESPONSECODE',
  msgtype: 'text',
  text: { content: '@RobotA 今天GMV多少' },
};

describe('wecom callbacks → Incoming', () => {
  it('a group @mention: the mention dropped, the chat as conversation, the msgid as id', () => {
    expect(toIncoming(group)).toEqual({
      platform: 'wecom',
      conversation: 'wecom:wrkSFfCgAAtMQKg4xqDatM5C9IDHFpTw',
      thread: group.msgid,
      user: 'wecom:zhangsan',
      userName: 'zhangsan',
      direct: false,
      text: '今天GMV多少',
      messageId: group.msgid,
    });
  });

  it('one-to-one, voice transcripts and mixed messages become text; pictures and files do not', () => {
    const single = { ...group, chatid: undefined, chattype: 'single', text: { content: 'gmv yesterday by channel' } };
    expect(toIncoming(single)).toMatchObject({ conversation: 'wecom:dm:zhangsan', direct: true, text: 'gmv yesterday by channel' });
    expect(toIncoming({ ...single, msgtype: 'voice', text: undefined, voice: { content: '昨天退款率' } })).toMatchObject({ text: '昨天退款率' });
    expect(toIncoming({ ...single, msgtype: 'mixed', mixed: { msg_item: [{ msgtype: 'text', text: { content: 'gmv' } }, { msgtype: 'image', image: { url: 'https://x' } }, { msgtype: 'text', text: { content: 'today' } }] } })).toMatchObject({ text: 'gmv today' });
    expect(toIncoming({ ...single, msgtype: 'image', image: { url: 'https://x' } })).toBeUndefined();
    // A bare mention is answered (with the router's hint), not ignored.
    expect(toIncoming({ ...group, text: { content: '@RobotA ' } })).toMatchObject({ text: '', direct: false });
  });

  it('a quoted message: what was typed wins; a bare mention under a quote asks the quote', () => {
    const quoted = { ...group, text: { content: '@RobotA 本周呢' }, quote: { msgtype: 'text', text: { content: '今天GMV多少' } } };
    expect(toIncoming(quoted)?.text).toBe('本周呢');
    expect(toIncoming({ ...quoted, text: { content: '@RobotA' } })?.text).toBe('今天GMV多少');
  });

  it('malformed bodies are refused, not guessed', () => {
    expect(toIncoming({ ...group, from: {} })).toBeUndefined();
    expect(toIncoming({ ...group, chattype: 'channel' })).toBeUndefined();
    expect(toIncoming({ ...group, msgid: 42 })).toBeUndefined();
    expect(toIncoming(null)).toBeUndefined();
  });

  it('a template-card press (nested, as documented, or flat, as the SDK types it) becomes the action its key names', () => {
    const event = { msgid: 'EVT1', create_time: 1700000000, aibotid: 'AIBOTID', chatid: group.chatid, chattype: 'group', from: { userid: 'wangwu' }, msgtype: 'event', event: { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: keyOf({ id: 'approve', value: '12' }, 'zh'), task_id: 'sob_abc' } } };
    const press = pressIncoming(event)!;
    expect(press.taskId).toBe('sob_abc');
    expect(press.incoming).toEqual({ platform: 'wecom', conversation: `wecom:${group.chatid}`, user: 'wecom:wangwu', userName: 'wangwu', direct: false, action: { id: 'approve', value: '12' }, messageId: 'EVT1', lang: 'zh' });
    const flat = { ...event, event: { eventtype: 'template_card_event', event_key: 'en|reject 12 too late', task_id: 'sob_abc' } };
    expect(pressIncoming(flat)?.incoming.action).toEqual({ id: 'reject', value: '12 too late' });
    expect(pressIncoming({ ...event, event: { eventtype: 'enter_chat' } })).toBeUndefined();
    expect(pressIncoming({ ...event, event: { eventtype: 'template_card_event', event_key: 'somebody else\'s key' } })).toBeUndefined();
    expect(actionOfKey('en|approve 1')).toEqual({ action: { id: 'approve', value: '1' }, lang: 'en' });
  });

  it('conversation ids encode and decode', () => {
    expect(conversationOf('group', 'wrX', 'u')).toBe('wecom:wrX');
    expect(conversationOf('single', undefined, 'u')).toBe('wecom:dm:u');
    expect(placeOf('wecom:wrX')).toEqual({ kind: 'group', chatid: 'wrX' });
    expect(placeOf('wecom:dm:lisi')).toEqual({ kind: 'dm', userid: 'lisi' });
    expect(placeOf('wecom:hook:OPS')).toEqual({ kind: 'hook', name: 'OPS' });
    expect(placeOf('wechat:room:R1')).toBeUndefined();
    expect(wecomUser('wecom:lisi')).toBe('lisi');
    expect(wecomUser('wecom:dm:lisi')).toBeUndefined();
    expect(wecomUser('slack:U1')).toBeUndefined();
  });
});
