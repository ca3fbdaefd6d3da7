import { z } from 'zod';
import { METRICS } from '../../domain/metrics/metric.ts';
import { measure } from '../../domain/metrics/measure.ts';
import { resolvePeriod } from '../../domain/periods.ts';
import { defineCommand } from '../spec.ts';
import { metricReply } from './metric-reply.ts';
import { withFreshness } from './freshness.ts';
import { looksLikeQuestion, readQuestion } from './question.ts';

const args = z.object({
  metric: z.enum(METRICS),
  period: z.object({
    kind: z.enum(['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'last_days', 'range']),
    n: z.number().int().min(1).max(1096).optional(),
    from: z.number().int().optional(),
    to: z.number().int().optional(),
  }),
  by: z.enum(['channel', 'sku']).optional(),
  limit: z.number().int().min(1).max(50).optional(),
});

/** Metric questions: "今天GMV多少", "gmv yesterday by channel", "本周退款率". */
export const metricCommand = defineCommand({
  id: 'metric',
  phrases: { zh: [], en: [] },
  summary: { zh: '查询经营指标', en: 'Store metrics' },
  examples: {
    zh: ['今天GMV多少', '昨天 按渠道 GMV', '本周退款率', '近90天复购率', '本月 热销商品', '上月 ROI 按渠道', 'GMV 2026-10-01至2026-10-31'],
    en: ['gmv today', 'gmv yesterday by channel', 'refund rate this week', 'repurchase rate last 90 days', 'top skus this month', 'roi last month by channel', 'gmv 2026-10-01 to 2026-10-31'],
  },
  role: 'staff',
  args,
  claims: looksLikeQuestion,
  parse: (rest) => readQuestion(rest),
  handle(ctx, q) {
    const { services } = ctx;
    const period = resolvePeriod(q.period, services.clock.now().getTime(), services.calendar);
    const m = measure(services.data, q.metric, period, q.by, q.limit);
    return withFreshness(metricReply(m, ctx.lang, services.store.currency, services.store.timeZone), services, ctx.lang);
  },
});
