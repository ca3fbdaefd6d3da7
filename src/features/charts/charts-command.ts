import { z } from 'zod';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { openChartPrefs } from './chart-prefs.ts';

// `图表 关闭` / `charts off` stops chart pictures in this conversation (answers keep their tables);
// `图表 开启` / `charts on` brings them back; `图表` alone says which it is.

const OFF = new Set(['off', '关闭', '关', '停止', '不要']);
const ON = new Set(['on', '开启', '打开', '开']);
const example = { zh: '图表 关闭', en: 'charts off' };

export const chartsCommand = defineCommand({
  id: 'charts',
  phrases: { zh: ['图表'], en: ['charts', 'chart'] },
  summary: { zh: '图表图片开关', en: 'Chart pictures on/off' },
  examples: { zh: ['图表 关闭', '图表 开启'], en: ['charts off', 'charts on'] },
  role: 'staff',
  args: z.object({ on: z.boolean().optional() }),
  parse(rest) {
    const word = rest.trim().toLowerCase();
    if (!word) return {};
    if (OFF.has(word)) return { on: false };
    if (ON.has(word)) return { on: true };
    throw problem('charts_usage', `「${rest.trim()}」不是开关：请写「图表 关闭」或「图表 开启」。`, `"${rest.trim()}" is not on or off: write "charts off" or "charts on".`, example);
  },
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const conv = ctx.incoming.conversation;
    const doc = await openChartPrefs(ctx.services.docs);
    if (a.on === undefined) {
      const off = !!doc.data.off[conv];
      return { lang: ctx.lang, blocks: [text(off ? t('本会话的图表图片已关闭；发送「图表 开启」恢复。', 'Chart pictures are off in this conversation; send "charts on" to bring them back.') : t('本会话会随回答发送图表图片；发送「图表 关闭」停止。', 'Answers here come with chart pictures; send "charts off" to stop them.'))], data: { charts: off ? 'off' : 'on' } };
    }
    const was = !doc.data.off[conv];
    if (a.on) delete doc.data.off[conv];
    else doc.data.off[conv] = { at: ctx.services.clock.now().toISOString(), by: ctx.incoming.user };
    await doc.write();
    const reply = a.on
      ? t('好的，本会话的回答会附上图表图片。', 'Done: answers here come with chart pictures again.')
      : t('好的，本会话不再发送图表图片，数字仍以表格给出。发送「图表 开启」恢复。', 'Done: no more chart pictures here; the numbers still come as tables. Send "charts on" to bring them back.');
    return { lang: ctx.lang, blocks: [text(reply)], data: { charts: a.on ? 'on' : 'off', changed: was !== a.on } };
  },
});
