import { formatDay, weekday, type Day } from '../../domain/calendar.ts';
import type { Breakdown, Metric } from '../../domain/metrics/metric.ts';
import type { CompareKind, Grain, PeriodSpec } from '../../domain/periods.ts';
import { BotError, problem } from '../../bot/errors.ts';
import type { Bilingual } from '../../chat/lang.ts';
import { channelRules, CHANNEL_WORDS } from './channel-words.ts';
import { comparisonRules, COMPARISON_WORDS } from './comparison-words.ts';
import { metricRules, METRIC_WORDS } from './metric-words.ts';
import { bi, type Part, type PeriodPart } from './parts.ts';
import { periodRules, PERIOD_WORDS, type EventDay } from './period-words.ts';
import { shapeRules, SHAPE_WORDS } from './shape-words.ts';
import { scan, type Rule } from './tokenizer.ts';

// Reads a metric question in Chinese or English. Every word must be accounted
// for — metric, period, channel, breakdown, trend, comparison or filler — or the
// question is refused with the words not understood: a wrong reading is worse
// than no answer.

export interface QuestionContext {
  today: Day;
  events: EventDay[];
  /** Channel ids the store's orders carry. */
  channels: readonly string[];
}

export interface Question {
  metric: Metric;
  period: { from: Day; to: Day; name?: Bilingual; named?: PeriodPart['named']; n?: number };
  channel?: string;
  by?: Breakdown;
  trend?: Grain;
  compare: { kind: CompareKind; from?: Day; to?: Day };
  limit?: number;
  guesses: { typed: string; read: string }[];
}

const WORDS = [...new Set([...PERIOD_WORDS, ...METRIC_WORDS, ...CHANNEL_WORDS, ...COMPARISON_WORDS, ...SHAPE_WORDS])];

/** Two questions that work, for every refusal. */
export const EXAMPLES = { zh: '昨天 抖音 GMV\n上周 按渠道 退款率', en: 'gmv yesterday on douyin\nrefund rate last week by channel' };

// The vocabulary compiled once per day, event list and channel list: questions in a row reuse it.
const compiled = new Map<string, Rule<Part>[]>();
function rulesFor(ctx: QuestionContext): Rule<Part>[] {
  const key = JSON.stringify([ctx.today, ctx.events, ctx.channels]);
  let rules = compiled.get(key);
  if (!rules) {
    if (compiled.size >= 8) compiled.clear();
    compiled.set(key, (rules = [...metricRules, ...periodRules(ctx.today, ctx.events), ...channelRules(ctx.channels), ...comparisonRules, ...shapeRules]));
  }
  return rules;
}

function notUnderstood(unknown: string[]): BotError {
  const list = unknown.map((u) => `«${u}»`).join(', ');
  const err = problem('not_understood', `没太明白 ${unknown.map((u) => `「${u}」`).join('、')}。可以这样问：`, `I didn't understand ${list}. Questions that work:`, EXAMPLES);
  err.extra = { unknown };
  return err;
}

/** Whether a message reads as a metric question at all (any metric word, or only known words with a period, channel or breakdown). */
export function looksLikeQuestion(text: string): boolean {
  try {
    const today = Math.floor(Date.now() / 86_400_000);
    const s = scan(rulesFor({ today, events: [], channels: [] }), text, WORDS);
    const parts = s.tokens.flatMap((t) => t.parts);
    if (parts.some((p) => p.kind === 'metric')) return true;
    return s.unknown.length === 0 && parts.some((p) => p.kind === 'period' || p.kind === 'channel' || p.kind === 'by' || p.kind === 'trend');
  } catch {
    return true; // a bad date in a metric-ish message: let the reader explain it
  }
}

function joinRange(a: PeriodPart, b: PeriodPart): PeriodPart {
  // 本周一到周三: a bare weekday takes the week of the day before it.
  const second = b.weekday !== undefined && a.weekday !== undefined && b.name && !/[上本这]|last|this/.test(b.name.zh + b.name.en) ? { ...b, from: a.from - weekday(a.from) + b.weekday, to: a.from - weekday(a.from) + b.weekday } : b;
  const name = a.name && second.name ? bi(`${a.name.zh}到${second.name.zh}`, `${a.name.en} to ${second.name.en}`) : undefined;
  return { kind: 'period', from: a.from, to: second.to, ...(name ? { name } : {}) };
}

export function readQuestion(text: string, ctx: QuestionContext): Question {
  // A phone keyboard types the possessive with a curly apostrophe (douyin’s): read it as 's.
  const s = scan(rulesFor(ctx), text.replace(/(?<=[a-z])[’‘](?=s\b)/gi, "'"), WORDS);
  if (s.unknown.length) throw notUnderstood(s.unknown);
  const parts = s.tokens.flatMap((t) => t.parts);

  const metrics = [...new Set(parts.flatMap((p) => (p.kind === 'metric' ? [p.metric] : [])))];
  if (metrics.length > 1) throw problem('two_metrics', '一次问一个指标就好，比如先问 GMV，再问订单数。', 'One metric at a time, please: ask for GMV, then for orders.', EXAMPLES);
  const limit = parts.find((p): p is Extract<Part, { kind: 'metric' }> => p.kind === 'metric' && p.limit !== undefined)?.limit;

  const channels = [...new Set(parts.flatMap((p) => (p.kind === 'channel' ? [p.id] : [])))];
  if (channels.length > 1) throw problem('two_channels', '一次看一个渠道，或者加「按渠道」看全部渠道。', 'One channel at a time, or add "by channel" to see them all.', EXAMPLES);
  const channel = channels[0];
  if (channel !== undefined && !ctx.channels.includes(channel)) {
    const have = ctx.channels.join(', ') || '—';
    throw problem('unknown_channel', `店里没有「${channel}」渠道的订单。有这些渠道：${have}。`, `The store has no orders from the channel "${channel}". Its channels: ${have}.`, { zh: `昨天 ${ctx.channels[0] ?? 'tmall'} GMV`, en: `gmv yesterday on ${ctx.channels[0] ?? 'tmall'}` });
  }

  const bys = new Set(parts.flatMap((p) => (p.kind === 'by' ? [p.by] : p.kind === 'channel_word' && channel === undefined ? ['channel' as const] : [])));
  if (bys.size > 1) throw problem('two_breakdowns', '一次按一种方式拆分：按渠道，或看热销商品。', 'One breakdown at a time: by channel, or top SKUs.', EXAMPLES);
  const grains = [...new Set(parts.flatMap((p) => (p.kind === 'trend' ? [p.grain] : [])))];
  if (grains.length > 1) throw problem('two_trends', '趋势选一种：每天、每周或每月。', 'Pick one trend: by day, by week or by month.', { zh: '本月 GMV 每天', en: 'gmv this month by day' });

  // Periods in order: "A to B" joins into one; a period after vs / 对比 is the comparison.
  const items: { p: PeriodPart; vs: boolean }[] = [];
  let vs = false;
  let joining = false;
  for (const p of parts) {
    if (p.kind === 'vs') vs = true;
    else if (p.kind === 'to') joining = items.length > 0;
    else if (p.kind === 'period') {
      const last = items[items.length - 1];
      if (joining && last && last.vs === vs) last.p = joinRange(last.p, p);
      else items.push({ p, vs });
      joining = false;
    } else if (p.kind !== 'filler') joining = false;
  }
  const main = items.filter((i) => !i.vs);
  const other = items.filter((i) => i.vs);
  if (main.length > 1 || other.length > 1) throw problem('two_periods', '问题里有两个时间段。要对比的话这样写：本月 GMV 对比 上月。', 'The question names two periods. To compare them, write: gmv this month vs last month.', { zh: '本月 GMV 对比 上月', en: 'gmv this month vs last month' });
  const period = main[0]?.p ?? { kind: 'period' as const, from: ctx.today, to: ctx.today, named: 'today' as const };
  for (const p of [period, ...other.map((o) => o.p)]) check(p, ctx.today);

  const words = [...new Set(parts.flatMap((p) => (p.kind === 'compare' ? [p.compare] : [])))];
  if (words.length + other.length > 1) throw problem('two_comparisons', '对比选一种：环比、同比、上周同日，或「对比 某段时间」。', 'Pick one comparison: previous period, vs last year, same day last week, or "vs <period>".', { zh: '昨天 GMV 同比', en: 'gmv yesterday vs last year' });
  const compare: Question['compare'] = other.length ? { kind: 'custom', from: other[0].p.from, to: other[0].p.to } : { kind: words[0] ?? 'previous' };
  if (compare.kind === 'last_week_same_day' && period.to - period.from >= 7) throw problem('week_compare_too_long', '「上周同日」只适用于一周以内的时间段。', '"Same day last week" works for periods of a week or less.', { zh: '昨天 GMV 上周同日', en: 'gmv yesterday vs same day last week' });

  const metric = metrics[0] ?? 'gmv';
  const by = metric === 'top_skus' ? 'sku' : [...bys][0];
  const trend = grains[0];
  if (trend && by) throw problem('trend_and_breakdown', '趋势和拆分一次只能选一个。', 'A trend or a breakdown, not both at once.', { zh: '本月 GMV 每天', en: 'gmv this month by day' });
  if (trend === 'day' && period.to - period.from >= 400) throw problem('too_many_points', '按天最多看 400 天，更长请按周或按月。', 'By day covers at most 400 days; use by week or by month for longer.', { zh: '今年 GMV 每月', en: 'gmv ytd by month' });
  return {
    metric,
    period: { from: period.from, to: period.to, ...(period.name ? { name: period.name } : {}), ...(period.named ? { named: period.named } : {}), ...(period.n ? { n: period.n } : {}) },
    ...(channel ? { channel } : {}),
    ...(by ? { by } : {}),
    ...(trend ? { trend } : {}),
    compare,
    ...(limit ? { limit: Math.min(50, Math.max(1, limit)) } : {}),
    guesses: s.guesses,
  };
}

/** A period must have happened, start before it ends, and span at most three years. */
function check(p: PeriodPart, today: Day): void {
  const from = formatDay(p.from);
  const to = formatDay(p.to);
  if (p.to < p.from) throw problem('range_backwards', `开始日期 ${from} 晚于结束日期 ${to}。`, `The range starts (${from}) after it ends (${to}).`, { zh: 'GMV 2026-10-01至2026-10-31', en: 'gmv 2026-10-01 to 2026-10-31' });
  if (p.from > today) throw problem('future', `${from} 还没到，没有数据。`, `${from} is in the future; there are no figures yet.`, { zh: '昨天 GMV', en: 'gmv yesterday' });
  if (p.to - p.from > 3 * 366) throw problem('range_too_long', '日期范围最长三年。', 'A date range can span at most three years.', { zh: 'GMV 2026-01-01至2026-10-31', en: 'gmv 2026-01-01 to 2026-10-31' });
}

/**
 * The first period a text names, as a spec (for other commands' reports, e.g. `complaint report last week`).
 * Named periods resolve against the clock later; other forms are read against `today`.
 */
export function findPeriod(text: string, today: Day = Math.floor(Date.now() / 86_400_000)): PeriodSpec | undefined {
  const s = scan([...periodRules(today, []), ...comparisonRules, ...shapeRules], text, PERIOD_WORDS);
  const p = s.tokens.flatMap((t) => t.parts).find((x): x is PeriodPart => x.kind === 'period');
  if (!p) return undefined;
  check(p, today);
  return p.named && p.named !== 'month' ? { kind: p.named, ...(p.n ? { n: p.n } : {}) } : { kind: 'range', from: p.from, to: p.to };
}
