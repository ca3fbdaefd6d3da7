import { z } from 'zod';
import { explainChange } from '../../domain/insights/drivers.ts';
import { EXPLAINABLE } from '../../domain/insights/metric-forms.ts';
import type { Metric } from '../../domain/metrics/metric.ts';
import { wholeDays } from '../../domain/metrics/measure.ts';
import { problem } from '../../bot/errors.ts';
import { eventDays, metricCommand, resolveQuestion } from '../metrics/metric-command.ts';
import { metricName } from '../metrics/metric-names.ts';
import { readQuestion, type Question } from '../metrics/question.ts';
import { defineCommand } from '../../bot/spec.ts';
import { whyReply } from './why-reply.ts';
import { asksWhy, questionOf } from './why-words.ts';

const example = { zh: '为什么昨天GMV下降了', en: 'why did gmv drop yesterday' };

/** "Why did GMV drop yesterday": the change split into factors, channels, SKUs and new vs returning buyers. */
export const whyCommand = defineCommand({
  id: 'why',
  phrases: { zh: [], en: [] },
  summary: { zh: '指标为什么变了（拆解原因）', en: 'Why a metric moved (its drivers)' },
  examples: { zh: ['为什么昨天GMV下降了', '上周 订单数 为什么', '为什么本周抖音转化率降了'], en: ['why did gmv drop yesterday', 'gmv last week why', 'why did aov fall this week on douyin'] },
  role: 'staff',
  // The metric question inside is read by the metric questions' own reading rule (every word accounted for).
  args: metricCommand.args as z.ZodType<Question>,
  claims: asksWhy,
  parse(rest, { services }) {
    const q = readQuestion(questionOf(rest), { today: services.calendar.dayOf(services.clock.now().getTime()), events: eventDays(services), channels: services.data.channelNames() });
    if (!EXPLAINABLE.includes(q.metric)) {
      throw problem('why_metric', `「${metricName(q.metric, 'zh')}」不能拆解；可以问 GMV、订单数、客单价、转化率、退款率、ROI。`, `"${metricName(q.metric, 'en')}" can't be split into drivers; ask about GMV, orders, AOV, conversion, refund rate or ROI.`, example);
    }
    return q;
  },
  handle(ctx, q) {
    const { services } = ctx;
    const metric = q.metric as Metric;
    const { period, compareWith } = resolveQuestion(q, services);
    // Traffic and spend are daily figures: ratios over them are split over whole days, on both sides.
    const now = wholeDays(metric, period);
    const before = wholeDays(metric, compareWith);
    const e = explainChange(services.data, metric, now, before, q.channel);
    if (e === 'no_data' || e === 'not_explainable') {
      throw problem('why_no_data', '这段时间或对比期没有足够数据（比如没有访客或投放数据），无法拆解。', 'There is not enough data in this period or the one compared (e.g. no visitors or spend) to split the change.', example);
    }
    return whyReply(e, { lang: ctx.lang, currency: services.store.currency, period: now, before, ...(q.channel ? { channel: q.channel } : {}) });
  },
});
