import { z } from 'zod';
import { formatDay } from '../../domain/calendar.ts';
import { pace } from '../../domain/targets/pacing.ts';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { kpiReply } from './kpi-reply.ts';
import { TARGET_EXAMPLE, readMonth } from './target-words.ts';

/** `kpi` / `目标完成` [month]: each target against its pace, a forecast and a light. */
export const kpiCommand = defineCommand({
  id: 'kpi',
  phrases: { zh: ['目标完成', '目标完成度', 'kpi', 'KPI', '目标进度'], en: ['kpi', 'kpis', 'targets'] },
  summary: { zh: 'KPI 目标完成进度（红黄绿灯）', en: 'KPI targets against their pace (red/yellow/green)' },
  examples: { zh: ['目标完成', 'kpi 2026-11'], en: ['kpi', 'kpi 2026-11'] },
  role: 'staff',
  args: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) }),
  parse(rest, ctx) {
    const today = ctx.services.calendar.dayOf(ctx.services.clock.now().getTime());
    const word = rest.trim().toLowerCase().replace(/this month/, 'this_month').replace(/next month/, 'next_month');
    const month = word ? readMonth(word, today) : formatDay(today).slice(0, 7);
    if (!month) throw problem('kpi_month', `没看懂月份「${rest.trim()}」，请写 2026-11 或「本月」。`, `"${rest.trim()}" is not a month; write 2026-11 or "this month".`, { zh: 'kpi 2026-11', en: 'kpi 2026-11' });
    return { month };
  },
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const { services } = ctx;
    const targets = (await services.books.targets()).month(a.month);
    if (targets.length === 0) {
      return { lang: ctx.lang, blocks: [text(t(`${a.month} 还没有设定目标。运营经理可以这样设定：${TARGET_EXAMPLE.zh}`, `No targets are set for ${a.month}. An ops manager sets them like this: ${TARGET_EXAMPLE.en}`))], data: { month: a.month, targets: [] } };
    }
    const rules = services.playbook.alerts;
    const now = services.clock.now().getTime();
    const paces = targets.map((target) => pace(services.data, target, now, services.calendar, rules));
    return kpiReply(a.month, paces, ctx.lang, services.store.currency, rules);
  },
});
