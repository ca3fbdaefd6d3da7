import { z } from 'zod';
import { explainChange } from '../../domain/insights/drivers.ts';
import { EXPLAINABLE } from '../../domain/insights/metric-forms.ts';
import { previousPeriod, resolvePeriod } from '../../domain/periods.ts';
import { problem } from '../errors.ts';
import { metricName } from '../metrics/metric-names.ts';
import { readQuestion } from '../metrics/question.ts';
import { defineCommand } from '../spec.ts';
import { whyReply } from './why-reply.ts';
import { asksWhy, questionOf } from './why-words.ts';

const example = { zh: '为什么昨天GMV下降了', en: 'why did gmv drop yesterday' };

const args = z.object({
  metric: z.enum(EXPLAINABLE as [string, ...string[]]),
  period: z.object({ kind: z.enum(['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'last_days', 'range']), n: z.number().int().optional(), from: z.number().int().optional(), to: z.number().int().optional() }),
  channel: z.string().optional(),
});

/** "Why did GMV drop yesterday": the change split into factors, channels, SKUs and new vs returning buyers. */
export const whyCommand = defineCommand({
  id: 'why',
  phrases: { zh: [], en: [] },
  summary: { zh: '指标为什么变了（拆解原因）', en: 'Why a metric moved (its drivers)' },
  examples: { zh: ['为什么昨天GMV下降了', '上周 订单数 为什么', '为什么本周抖音转化率降了'], en: ['why did gmv drop yesterday', 'gmv last week why', 'why did aov fall this week'] },
  role: 'staff',
  args,
  claims: asksWhy,
  parse(rest) {
    const q = readQuestion(questionOf(rest)) as ReturnType<typeof readQuestion> & { channel?: string };
    if (!EXPLAINABLE.includes(q.metric)) {
      throw problem('why_metric', `「${metricName(q.metric, 'zh')}」不能拆解；可以问 GMV、订单数、客单价、转化率、退款率、ROI。`, `"${metricName(q.metric, 'en')}" can't be split into drivers; ask about GMV, orders, AOV, conversion, refund rate or ROI.`, example);
    }
    return { metric: q.metric, period: q.period, ...(q.channel ? { channel: q.channel } : {}) };
  },
  handle(ctx, a) {
    const { services } = ctx;
    const metric = a.metric as (typeof EXPLAINABLE)[number];
    const period = resolvePeriod(a.period, services.clock.now().getTime(), services.calendar);
    const prev = previousPeriod(period);
    // Traffic and spend are daily figures: ratios over them compare whole days, as the metric answers do.
    const daily = metric === 'conversion' || metric === 'roi' || metric === 'uv' || metric === 'spend';
    const before = daily ? { ...prev, cutoffMs: undefined } : prev;
    const now = daily ? { ...period, cutoffMs: undefined } : period;
    const e = explainChange(services.data, metric, now, before, a.channel);
    if (e === 'no_data' || e === 'not_explainable') {
      throw problem('why_no_data', '这段时间或对比期没有足够数据（比如没有访客或投放数据），无法拆解。', 'There is not enough data in this period or the one before (e.g. no visitors or spend) to split the change.', example);
    }
    return whyReply(e, { lang: ctx.lang, currency: services.store.currency, period: now, before, ...(a.channel ? { channel: a.channel } : {}) });
  },
});
