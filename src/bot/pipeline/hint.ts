import { say, type Lang } from '../../chat/lang.ts';
import { text, type Reply } from '../../chat/reply.ts';

/** What we say to a message we cannot place: two examples that would work. */
export function hintReply(lang: Lang): Reply {
  const t = say(lang);
  return {
    lang,
    blocks: [
      text(t('没太明白。可以这样问：', "Sorry, I didn't get that. Try:")),
      text(t('今天GMV多少\n上周 按渠道 退款率', 'gmv today\nrefund rate last week by channel')),
      text(t('发送「帮助」查看全部功能。', 'Send "help" to see everything I can do.'), 'muted'),
    ],
    data: { error: 'not_understood' },
  };
}
