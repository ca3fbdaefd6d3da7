import { z } from 'zod';
import { METRICS } from '../../domain/metrics/metric.ts';
import { measure, series } from '../../domain/metrics/measure.ts';
import { buckets, comparisonPeriod, resolvePeriod, type CompareKind, type Period, type PeriodSpec } from '../../domain/periods.ts';
import type { Services } from '../../bot/services.ts';
import { defineCommand } from '../../bot/spec.ts';
import { METRIC_EXAMPLES } from './metric-help.ts';
import { metricReply } from './metric-reply.ts';
import { eventDate, type EventDay } from './period-words.ts';
import { looksLikeQuestion, readQuestion, type Question } from './question.ts';
import { withFreshness } from './freshness.ts';

const day = z.number().int();
const args = z.object({
  metric: z.enum(METRICS),
  period: z.object({ from: day, to: day, name: z.object({ zh: z.string(), en: z.string() }).optional(), named: z.enum(['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'last_days', 'month']).optional(), n: z.number().int().min(1).max(1096).optional() }),
  channel: z.string().min(1).optional(),
  by: z.enum(['channel', 'sku']).optional(),
  trend: z.enum(['day', 'week', 'month']).optional(),
  compare: z.object({ kind: z.enum(['previous', 'last_year', 'last_week_same_day', 'custom']), from: day.optional(), to: day.optional() }),
  limit: z.number().int().min(1).max(50).optional(),
  guesses: z.array(z.object({ typed: z.string(), read: z.string() })),
}) satisfies z.ZodType<Question>;

/** Event days named in the checklist templates (双11, 618, 双12), with the date their names carry. */
export function eventDays(services: Services): EventDay[] {
  return services.templates.checklists.flatMap((t) => t.events).flatMap((e) => {
    const date = eventDate(e.aliases);
    return date ? [{ aliases: e.aliases, name: e.name, ...date }] : [];
  });
}

/** The question's period and comparison as the store's days, cut at now where they reach today. */
export function resolveQuestion(q: Question, services: Services): { period: Period; compareWith: Period; compare: CompareKind } {
  const now = services.clock.now().getTime();
  const spec: PeriodSpec = q.period.named === 'month' ? { kind: 'month', from: q.period.from, to: q.period.to } : q.period.named ? { kind: q.period.named, ...(q.period.n ? { n: q.period.n } : {}) } : { kind: 'range', from: q.period.from, to: q.period.to };
  const period = resolvePeriod(spec, now, services.calendar);
  const compareWith = q.compare.kind === 'custom' ? resolvePeriod({ kind: 'range', from: q.compare.from!, to: q.compare.to! }, now, services.calendar) : comparisonPeriod(period, q.compare.kind);
  // "yesterday vs the day before" is the previous period, said another way: name it so.
  const same = (kind: Exclude<CompareKind, 'custom'>) => {
    const c = comparisonPeriod(period, kind);
    return c.from === compareWith.from && c.to === compareWith.to;
  };
  const compare = q.compare.kind !== 'custom' ? q.compare.kind : same('previous') ? 'previous' : same('last_week_same_day') ? 'last_week_same_day' : same('last_year') ? 'last_year' : 'custom';
  return { period, compareWith, compare };
}

/** Metric questions: "今天GMV多少", "gmv yesterday by channel", "抖音 上周五 退款金额 同比". */
export const metricCommand = defineCommand({
  id: 'metric',
  phrases: { zh: [], en: [] },
  summary: { zh: '查询经营指标', en: 'Store metrics' },
  examples: METRIC_EXAMPLES,
  role: 'staff',
  args,
  claims: looksLikeQuestion,
  parse: (rest, { services }) => readQuestion(rest, { today: services.calendar.dayOf(services.clock.now().getTime()), events: eventDays(services), channels: services.data.channelNames() }),
  handle(ctx, q) {
    const { services } = ctx;
    const { period, compareWith, compare } = resolveQuestion(q, services);
    const m = measure(services.data, q.metric, period, q.by, { channel: q.channel, compareWith, ...(q.limit ? { limit: q.limit } : {}) });
    const points = q.trend ? buckets(period, q.trend) : [];
    const previous = q.trend ? buckets(m.previousPeriod, q.trend) : [];
    const trend = q.trend ? { grain: q.trend, points, previous, current: series(services.data, q.metric, points, q.channel), prevValues: series(services.data, q.metric, previous, q.channel) } : undefined;
    return withFreshness(metricReply({ m, q, compare, ...(trend ? { trend } : {}) }, ctx.lang, services.store.currency, services.store.timeZone), services, ctx.lang);
  },
});
