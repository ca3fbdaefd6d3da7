import { z } from 'zod';
import { say } from '../../chat/lang.ts';
import { defineCommand } from '../../bot/spec.ts';
import { threadOf } from '../../bot/notices.ts';

/** `cadence on` / `节奏提醒 开启`: this conversation gets the routine reminders (weekly report, member day, …). */
export const cadenceCommand = defineCommand({
  id: 'cadence',
  phrases: { zh: ['节奏提醒', '例行提醒'], en: ['cadence', 'cadences'] },
  summary: { zh: '例行节奏提醒（周报、会员日、上新日…）', en: 'Routine reminders (weekly report, member day, …)' },
  examples: { zh: ['节奏提醒 开启', '节奏提醒 关闭'], en: ['cadence on', 'cadence off'] },
  role: 'ops_manager',
  args: z.object({ on: z.boolean({ error: 'on or off' }).optional() }),
  parse(rest) {
    const w = rest.trim().toLowerCase();
    if (w === '') return {};
    return { on: /^(on|开启|打开|开)$/.test(w) ? true : /^(off|关闭|关掉|关)$/.test(w) ? false : 'unreadable' };
  },
  async handle(ctx, { on }) {
    const t = say(ctx.lang);
    const { services } = ctx;
    const book = await services.books.checklists();
    const list = services.templates.cadences.map((c) => `· ${c.name[ctx.lang]} — ${describe(c.every, c.on, ctx.lang)} ${c.at}`).join('\n');
    if (on === undefined) {
      const subscribed = book.cadenceSubscriptions.some((s) => s.conversation === ctx.incoming.conversation);
      return { lang: ctx.lang, blocks: [{ type: 'text', text: subscribed ? t('本会话已开启例行提醒：', 'This conversation gets the routine reminders:') : t('本会话未开启例行提醒。发送「节奏提醒 开启」后会收到：', 'Routine reminders are off here. Send "cadence on" to get:') }, { type: 'text', text: list }] };
    }
    const changed = on ? await book.subscribeCadences(threadOf(ctx.incoming), ctx.incoming.user, services.clock.now(), ctx.lang) : await book.unsubscribeCadences(ctx.incoming.conversation);
    if (changed) await services.audit.record({ kind: on ? 'cadence.on' : 'cadence.off', user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `routine reminders ${on ? 'on' : 'off'}` });
    const head = on ? (changed ? t('好的，本会话将收到例行提醒：', 'Done: this conversation will get the routine reminders:') : t('本会话已经开启例行提醒：', 'Routine reminders were already on here:')) : changed ? t('已关闭本会话的例行提醒。', 'Routine reminders are off for this conversation.') : t('本会话本来就没有开启例行提醒。', 'Routine reminders were not on here.');
    return { lang: ctx.lang, blocks: [{ type: 'text', text: head }, ...(on ? [{ type: 'text' as const, text: list }] : [])] };
  },
});

const WEEKDAYS = [['周一', 'Monday'], ['周二', 'Tuesday'], ['周三', 'Wednesday'], ['周四', 'Thursday'], ['周五', 'Friday'], ['周六', 'Saturday'], ['周日', 'Sunday']];

function describe(every: 'week' | 'month' | 'quarter', on: number, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  if (every === 'week') return zh ? `每${WEEKDAYS[on - 1][0]}` : `every ${WEEKDAYS[on - 1][1]}`;
  if (every === 'month') return zh ? `每月${on}日` : `monthly on the ${on}${on === 1 ? 'st' : on === 2 ? 'nd' : on === 3 ? 'rd' : 'th'}`;
  return zh ? `每季度首月${on}日` : `each quarter, day ${on}`;
}
