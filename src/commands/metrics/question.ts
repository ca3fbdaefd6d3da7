import { parseDay } from '../../domain/calendar.ts';
import type { Breakdown, Metric } from '../../domain/metrics/metric.ts';
import type { PeriodSpec } from '../../domain/periods.ts';
import { problem } from '../errors.ts';

// Reads a metric question in Chinese or English: which metric, which period,
// broken down by what. Order of the words does not matter.

const METRIC_WORDS: [Metric, RegExp][] = [
  ['net_gmv', /net\s*(gmv|sales|revenue)|净\s*gmv|净成交|净销售/i],
  ['top_skus', /top\s*(\d+\s*)?(skus?|products?|items?|sellers?)|best\s*-?\s*sellers?|热销|畅销|爆款|商品排行|销量排行|top\s*\d*\s*sku|sku\s*排行/i],
  ['repurchase', /re-?purchase|repeat\s*(purchase|rate|buyers?)|复购|回购率/i],
  ['refund_rate', /refund|退款/i],
  ['new_share', /new[-\s]*(customers?|buyers?)(\s*share)?|新客/i],
  ['conversion', /conversion|\bcvr\b|转化/i],
  ['aov', /\baov\b|average\s*order(\s*value)?|basket\s*size|客单价|客单/i],
  ['roi', /\broi\b|\broas\b|投产比|投入产出|回报率/i],
  ['spend', /ad\s*spend|\bspend\b|投放(花费|金额)?|花费|广告费|消耗/i],
  ['uv', /\buv\b|visitors?|traffic|访客|流量/i],
  ['buyers', /\bbuyers?\b|\bcustomers?\b|买家数|顾客数|客户数|下单人数|支付人数|买家|人数/i],
  ['orders', /\borders?\b|订单数|订单量|单量|订单|几单/i],
  ['gmv', /\bgmv\b|\bsales\b|\brevenue\b|成交额|销售额|营业额|成交|销售|卖了多少/i],
];

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[一二两三四五六七八九十百]+$/.test(s)) return undefined;
  if (s === '十') return 10;
  if (s.includes('百')) return undefined;
  const [tens, ones] = s.split('十');
  if (s.includes('十')) return (tens ? CN_NUM[tens] : 1) * 10 + (ones ? CN_NUM[ones] : 0);
  return CN_NUM[s];
}

const DATE = String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}`;

export interface Question {
  metric: Metric;
  period: PeriodSpec;
  by?: Breakdown;
  limit?: number;
}

export function findMetric(text: string): Metric | undefined {
  for (const [m, re] of METRIC_WORDS) if (re.test(text)) return m;
  return undefined;
}

export function findPeriod(text: string): PeriodSpec | undefined {
  const range = new RegExp(`(${DATE})\\s*(?:to|至|到|~|～|—|–|-{1,2}|until)\\s*(${DATE})`, 'i').exec(text);
  if (range) {
    const from = parseDay(range[1]);
    const to = parseDay(range[2]);
    if (from === undefined) throw badDate(range[1]);
    if (to === undefined) throw badDate(range[2]);
    if (from > to) throw problem('range_backwards', `开始日期 ${range[1]} 晚于结束日期 ${range[2]}。`, `The range starts (${range[1]}) after it ends (${range[2]}).`, { zh: 'GMV 2026-10-01至2026-10-31', en: 'gmv 2026-10-01 to 2026-10-31' });
    if (to - from > 3 * 366) throw problem('range_too_long', '日期范围最长三年。', 'A date range can span at most three years.', { zh: 'GMV 2026-01-01至2026-10-31', en: 'gmv 2026-01-01 to 2026-10-31' });
    return { kind: 'range', from, to };
  }
  const single = new RegExp(`(?:^|[^\\d])(${DATE})(?![\\d])`).exec(text);
  if (single) {
    const day = parseDay(single[1]);
    if (day === undefined) throw badDate(single[1]);
    return { kind: 'range', from: day, to: day };
  }
  const loose = /\b(\d{4}-\d{2,}-\d{2,})\b/.exec(text);
  if (loose) throw badDate(loose[1]);
  const lastN = /(?:last|past|previous)\s+(\d+)\s*days?|(?:近|最近|过去|前)\s*([0-9一二两三四五六七八九十]+)\s*(?:天|日)/i.exec(text);
  if (lastN) {
    const n = lastN[1] ? Number(lastN[1]) : cnNumber(lastN[2]);
    if (n === undefined || n < 1 || n > 1096) throw problem('bad_days', '天数要在 1 到 1096 之间。', 'The number of days must be from 1 to 1096.', { zh: '近30天 GMV', en: 'gmv last 30 days' });
    return { kind: 'last_days', n };
  }
  if (/\btoday\b|今天|今日|当天/i.test(text)) return { kind: 'today' };
  if (/\byesterday\b|昨天|昨日/i.test(text)) return { kind: 'yesterday' };
  if (/\bthis\s+week\b|\bwtd\b|本周|这周|这一周|本星期/i.test(text)) return { kind: 'this_week' };
  if (/\blast\s+week\b|上周|上一周|上星期/i.test(text)) return { kind: 'last_week' };
  if (/\bthis\s+month\b|\bmtd\b|本月|这个月|当月/i.test(text)) return { kind: 'this_month' };
  if (/\blast\s+month\b|上月|上个月/i.test(text)) return { kind: 'last_month' };
  return undefined;
}

function badDate(typed: string) {
  return problem('bad_date', `「${typed}」不是有效日期，请写成 2026-10-01 这样。`, `"${typed}" is not a date; write dates like 2026-10-01.`, { zh: 'GMV 2026-10-01至2026-10-31', en: 'gmv 2026-10-01 to 2026-10-31' });
}

export function findBreakdown(text: string): Breakdown | undefined {
  if (/\bby\s+channels?\b|\bper\s+channel\b|按渠道|分渠道|各渠道|渠道/i.test(text)) return 'channel';
  if (/\bby\s+(sku|product)s?\b|按商品|按sku|分商品/i.test(text)) return 'sku';
  return undefined;
}

const PERIOD_WORDS = /\b(today|yesterday|this|last|past|previous|week|month|days?|\d+|to|until|by|per|channels?)\b|今天|今日|昨天|昨日|本周|这周|上周|本月|这个月|上月|上个月|近|最近|过去|天|日|按渠道|分渠道|各渠道|渠道|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|至|到/gi;
const FILLER = /\b(what|what's|whats|is|was|the|show|me|how|much|please|pls)\b|多少|是多少|怎么样|如何|呢|吗|的|看看|查下|查一下|请问|[?？!！,，。.~\s]/gi;

/** Whether a message reads as a metric question at all. */
export function looksLikeQuestion(text: string): boolean {
  if (findMetric(text)) return true;
  // "yesterday by channel" / "昨天按渠道" asks for GMV; "今天天气怎么样" does not.
  try {
    if (!findPeriod(text)) return false;
  } catch {
    return true; // a bad date in a metric-ish message: let the parser explain it
  }
  return text.replace(PERIOD_WORDS, '').replace(FILLER, '') === '';
}

export function readQuestion(text: string): Question {
  const metric = findMetric(text) ?? 'gmv';
  const period = findPeriod(text) ?? { kind: 'today' };
  const by = metric === 'top_skus' ? 'sku' : findBreakdown(text);
  const limitMatch = /top\s*(\d+)|前\s*(\d+)/i.exec(text);
  const limit = limitMatch ? Math.min(50, Math.max(1, Number(limitMatch[1] ?? limitMatch[2]))) : undefined;
  return { metric, period, ...(by ? { by } : {}), ...(limit ? { limit } : {}) };
}
