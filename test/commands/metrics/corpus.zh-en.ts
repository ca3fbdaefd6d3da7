// Metric questions as operators type them, with the reading each must get, under a fixed clock:
// Friday 2026-11-27 14:00 Asia/Shanghai (this week began Monday 2026-11-23). Written by hand:
// HAND lists whole questions (the failures, typos, half-sentences, refusals); the parts
// below are phrases with the reading each stands for, put together in many orders and both
// languages by a fixed-seed shuffle, so one question mixes a metric, a period, a channel, a
// breakdown or trend and a comparison in any order. The expected readings are never computed
// by the code under test.

export const NOW = '2026-11-27T14:00:00+08:00';
export const STORE_CHANNELS = ['douyin', 'jd', 'pos', 'tmall', 'web', 'wechat', 'xiaohongshu'];

export interface Reading {
  metric: string;
  from: string;
  to: string;
  channel?: string;
  by?: 'channel' | 'sku';
  trend?: 'day' | 'week' | 'month';
  compare?: 'previous' | 'last_year' | 'last_week_same_day' | 'custom';
  compareFrom?: string;
  compareTo?: string;
  limit?: number;
  /** Words read as guesses (typed forms). */
  guessed?: string[];
}

export type Expect = Reading | { error: string; unknown?: string[] };
export interface Case {
  q: string;
  want: Expect;
}

const D = (from: string, to = from) => ({ from, to });
const TODAY = D('2026-11-27');

export const HAND: Case[] = [
  // The failures.
  { q: 'gmv ytd', want: { metric: 'gmv', ...D('2026-01-01', '2026-11-27') } },
  // Possessives, as people type them.
  { q: "today's gmv", want: { metric: 'gmv', ...TODAY } },
  { q: "what's yesterday's gmv", want: { metric: 'gmv', ...D('2026-11-26') } },
  { q: 'douyin’s orders last week', want: { metric: 'orders', channel: 'douyin', ...D('2026-11-16', '2026-11-22') } },
  { q: 'gmv yestrday', want: { metric: 'gmv', ...D('2026-11-26'), guessed: ['yestrday'] } },
  { q: '11月GMV', want: { metric: 'gmv', ...D('2026-11-01', '2026-11-27') } },
  { q: 'gmv 11/11', want: { metric: 'gmv', ...D('2026-11-11') } },
  { q: '双11 GMV', want: { metric: 'gmv', ...D('2026-11-11') } },
  { q: '双十一那天的GMV 按渠道', want: { metric: 'gmv', ...D('2026-11-11'), by: 'channel' } },
  { q: 'douyin gmv yesterday', want: { metric: 'gmv', ...D('2026-11-26'), channel: 'douyin' } },
  { q: '天猫 退款率 上周', want: { metric: 'refund_rate', ...D('2026-11-16', '2026-11-22'), channel: 'tmall' } },
  { q: '上周五的订单', want: { metric: 'orders', ...D('2026-11-20') } },
  { q: '前天的订单数', want: { metric: 'orders', ...D('2026-11-25') } },
  { q: 'gmv 2026-12-05', want: { error: 'future' } },
  { q: 'GMV last 7 days vs same period last year', want: { metric: 'gmv', ...D('2026-11-21', '2026-11-27'), compare: 'last_year' } },
  { q: '昨天退款多少钱', want: { metric: 'refunds', ...D('2026-11-26') } },
  { q: 'gmv banana', want: { error: 'not_understood', unknown: ['banana'] } },
  { q: 'GMv today', want: { metric: 'gmv', ...TODAY, guessed: ['GMv'] } },
  // Typos and capitals.
  { q: 'ordres yesterday', want: { metric: 'orders', ...D('2026-11-26'), guessed: ['ordres'] } },
  { q: 'refnd rate last week', want: { metric: 'refund_rate', ...D('2026-11-16', '2026-11-22'), guessed: ['refnd'] } },
  { q: 'convresion this month', want: { metric: 'conversion', ...D('2026-11-01', '2026-11-27'), guessed: ['convresion'] } },
  { q: 'GMV Yesterday', want: { metric: 'gmv', ...D('2026-11-26') } },
  { q: 'gmv yesterdya by chanel', want: { metric: 'gmv', ...D('2026-11-26'), by: 'channel', guessed: ['yesterdya', 'chanel'] } },
  { q: 'revenu last mnth', want: { metric: 'gmv', ...D('2026-10-01', '2026-10-31'), guessed: ['revenu', 'mnth'] } },
  // Half-sentences and filler.
  { q: 'yesterday by channel', want: { metric: 'gmv', ...D('2026-11-26'), by: 'channel' } },
  { q: '昨天按渠道', want: { metric: 'gmv', ...D('2026-11-26'), by: 'channel' } },
  { q: '昨天的', want: { metric: 'gmv', ...D('2026-11-26') } },
  { q: 'gmv', want: { metric: 'gmv', ...TODAY } },
  { q: '退款', want: { metric: 'refunds', ...TODAY } },
  { q: 'GMV多少钱啊', want: { metric: 'gmv', ...TODAY } },
  { q: 'what was the gmv yesterday', want: { metric: 'gmv', ...D('2026-11-26') } },
  { q: 'how much did we sell yesterday', want: { metric: 'gmv', ...D('2026-11-26') } },
  { q: 'how many orders today?', want: { metric: 'orders', ...TODAY } },
  { q: '帮我查一下上周抖音的退款率', want: { metric: 'refund_rate', ...D('2026-11-16', '2026-11-22'), channel: 'douyin' } },
  { q: '上个月京东客单价', want: { metric: 'aov', ...D('2026-10-01', '2026-10-31'), channel: 'jd' } },
  { q: '小红书 近30天 转化率', want: { metric: 'conversion', ...D('2026-10-29', '2026-11-27'), channel: 'xiaohongshu' } },
  { q: 'xhs conversion last 30 days', want: { metric: 'conversion', ...D('2026-10-29', '2026-11-27'), channel: 'xiaohongshu' } },
  { q: 'roi by channel last month', want: { metric: 'roi', ...D('2026-10-01', '2026-10-31'), by: 'channel' } },
  { q: '上月 ROI 按渠道', want: { metric: 'roi', ...D('2026-10-01', '2026-10-31'), by: 'channel' } },
  { q: 'top 5 skus this month', want: { metric: 'top_skus', ...D('2026-11-01', '2026-11-27'), by: 'sku', limit: 5 } },
  { q: '热销前20 本月', want: { metric: 'top_skus', ...D('2026-11-01', '2026-11-27'), by: 'sku', limit: 20 } },
  { q: '本月 GMV 每天', want: { metric: 'gmv', ...D('2026-11-01', '2026-11-27'), trend: 'day' } },
  { q: 'gmv by week last 4 weeks', want: { metric: 'gmv', ...D('2026-10-31', '2026-11-27'), trend: 'week' } },
  { q: '今年 GMV 每月', want: { metric: 'gmv', ...D('2026-01-01', '2026-11-27'), trend: 'month' } },
  { q: '双11 GMV 同比', want: { metric: 'gmv', ...D('2026-11-11'), compare: 'last_year' } },
  { q: 'gmv double 11 2025', want: { metric: 'gmv', ...D('2025-11-11') } },
  { q: '2025年双11 GMV', want: { metric: 'gmv', ...D('2025-11-11') } },
  { q: 'last year\'s double 11 gmv', want: { metric: 'gmv', ...D('2025-11-11') } },
  { q: 'gmv vs last year', want: { metric: 'gmv', ...TODAY, compare: 'last_year' } },
  { q: 'orders this week vs last week', want: { metric: 'orders', ...D('2026-11-23', '2026-11-27'), compare: 'custom', compareFrom: '2026-11-16', compareTo: '2026-11-22' } },
  { q: '本周 订单 对比 上周', want: { metric: 'orders', ...D('2026-11-23', '2026-11-27'), compare: 'custom', compareFrom: '2026-11-16', compareTo: '2026-11-22' } },
  { q: '本月和上月比 GMV', want: { metric: 'gmv', ...D('2026-11-01', '2026-11-27'), compare: 'custom', compareFrom: '2026-10-01', compareTo: '2026-10-31' } },
  { q: 'gmv this week vs 2026-10-01 to 2026-10-07', want: { metric: 'gmv', ...D('2026-11-23', '2026-11-27'), compare: 'custom', compareFrom: '2026-10-01', compareTo: '2026-10-07' } },
  { q: 'gmv yesterday vs last friday', want: { metric: 'gmv', ...D('2026-11-26'), compare: 'custom', compareFrom: '2026-11-20', compareTo: '2026-11-20' } },
  { q: 'gmv 10/1-10/7', want: { metric: 'gmv', ...D('2026-10-01', '2026-10-07') } },
  { q: 'gmv 10月1日到10月7日', want: { metric: 'gmv', ...D('2026-10-01', '2026-10-07') } },
  { q: 'GMV 上周一到上周三', want: { metric: 'gmv', ...D('2026-11-16', '2026-11-18') } },
  { q: '本周一到周三 订单', want: { metric: 'orders', ...D('2026-11-23', '2026-11-25') } },
  { q: 'uv yesterday', want: { metric: 'uv', ...D('2026-11-26') } },
  { q: 'ad spend this week on douyin', want: { metric: 'spend', ...D('2026-11-23', '2026-11-27'), channel: 'douyin' } },
  { q: '抖音渠道 GMV 昨天', want: { metric: 'gmv', ...D('2026-11-26'), channel: 'douyin' } },
  { q: '渠道 GMV 昨天', want: { metric: 'gmv', ...D('2026-11-26'), by: 'channel' } },
  { q: 'gmv yesterday tmall channel', want: { metric: 'gmv', ...D('2026-11-26'), channel: 'tmall' } },
  { q: 'GMV 今天 呢', want: { metric: 'gmv', ...TODAY } },
  { q: 'gmv 2026年10月', want: { metric: 'gmv', ...D('2026-10-01', '2026-10-31') } },
  { q: 'gmv december', want: { metric: 'gmv', ...D('2025-12-01', '2025-12-31') } },
  { q: 'gmv 2026-02-01 to 2026-02-28', want: { metric: 'gmv', ...D('2026-02-01', '2026-02-28') } },
  { q: '👍昨天GMV', want: { metric: 'gmv', ...D('2026-11-26') } },
  { q: 'gmv today 😀', want: { metric: 'gmv', ...TODAY } },
  { q: 'gmv 上周五 vs 上上周五', want: { metric: 'gmv', ...D('2026-11-20'), compare: 'custom', compareFrom: '2026-11-13', compareTo: '2026-11-13' } },
  { q: 'gmv double eleven', want: { metric: 'gmv', ...D('2026-11-11') } },
  { q: 'double twelve sales vs last year', want: { metric: 'gmv', ...D('2025-12-12'), compare: 'last_year' } },
  { q: '上上周 订单数', want: { metric: 'orders', ...D('2026-11-09', '2026-11-15') } },
  { q: 'orders the week before last', want: { metric: 'orders', ...D('2026-11-09', '2026-11-15') } },
  // Refusals: what was not understood, or what is wrong.
  { q: '今天天气怎么样', want: { error: 'not_understood', unknown: ['天气'] } },
  { q: 'gmv foo bar', want: { error: 'not_understood', unknown: ['foo', 'bar'] } },
  { q: 'gmv 11.11', want: { error: 'not_understood', unknown: ['11.11'] } },
  { q: 'gmv yesterday at the mall', want: { error: 'not_understood', unknown: ['mall'] } },
  { q: '抖音和天猫 GMV', want: { error: 'two_channels' } },
  { q: 'gmv and orders today', want: { error: 'two_metrics' } },
  { q: 'gmv 2026-02-30', want: { error: 'bad_date' } },
  { q: 'gmv 2026-11-30 to 2026-11-01', want: { error: 'range_backwards' } },
  { q: 'pinduoduo gmv', want: { error: 'unknown_channel' } },
  { q: 'gmv this month by day by channel', want: { error: 'trend_and_breakdown' } },
  { q: '本月 每天 每周 GMV', want: { error: 'two_trends' } },
  { q: 'gmv last 2000 days', want: { error: 'bad_count' } },
  { q: 'gmv 上周 本周', want: { error: 'two_periods' } },
  { q: 'gmv 同比 环比', want: { error: 'two_comparisons' } },
  { q: '本月 GMV 上周同日', want: { error: 'week_compare_too_long' } },
  { q: 'gmv this saturday', want: { error: 'future' } },
  { q: 'gmv 2020-01-01 to 2026-01-01', want: { error: 'range_too_long' } },
];

type Phrase = [zh: string, en: string];

/** Metric phrases → metric. */
const METRICS: [Phrase, string][] = [
  [['GMV', 'gmv'], 'gmv'], [['销售额', 'sales'], 'gmv'], [['成交额', 'revenue'], 'gmv'], [['订单数', 'orders'], 'orders'], [['单量', 'order count'], 'orders'],
  [['客单价', 'aov'], 'aov'], [['客单价', 'average order value'], 'aov'], [['转化率', 'conversion rate'], 'conversion'], [['复购率', 'repurchase rate'], 'repurchase'],
  [['退款率', 'refund rate'], 'refund_rate'], [['退款金额', 'refunds'], 'refunds'], [['退款多少钱', 'refund amount'], 'refunds'], [['新客占比', 'new customer share'], 'new_share'],
  [['投产比', 'roi'], 'roi'], [['ROI', 'roas'], 'roi'], [['访客数', 'visitors'], 'uv'], [['广告花费', 'ad spend'], 'spend'], [['买家数', 'buyers'], 'buyers'], [['净GMV', 'net gmv'], 'net_gmv'],
];

/** Period phrases → dates; `week` marks periods of a week or less (same-day-last-week comparisons fit them). */
const PERIODS: [Phrase, string, string, boolean][] = [
  [['今天', 'today'], '2026-11-27', '2026-11-27', true],
  [['昨天', 'yesterday'], '2026-11-26', '2026-11-26', true],
  [['前天', 'the day before yesterday'], '2026-11-25', '2026-11-25', true],
  [['本周', 'this week'], '2026-11-23', '2026-11-27', true],
  [['上周', 'last week'], '2026-11-16', '2026-11-22', true],
  [['本月', 'this month'], '2026-11-01', '2026-11-27', false],
  [['上个月', 'last month'], '2026-10-01', '2026-10-31', false],
  [['今年以来', 'ytd'], '2026-01-01', '2026-11-27', false],
  [['本月至今', 'mtd'], '2026-11-01', '2026-11-27', false],
  [['本周至今', 'wtd'], '2026-11-23', '2026-11-27', true],
  [['10月', 'october'], '2026-10-01', '2026-10-31', false],
  [['2026年9月', 'sept'], '2026-09-01', '2026-09-30', false],
  [['12月', 'oct 2025'], '2025-12-01', '2025-12-31', false],
  [['上周五', 'last friday'], '2026-11-20', '2026-11-20', true],
  [['上周一到周三', 'last monday to last wednesday'], '2026-11-16', '2026-11-18', true],
  [['11月11日', '11/11'], '2026-11-11', '2026-11-11', true],
  [['双十一', 'double 11'], '2026-11-11', '2026-11-11', true],
  [['618', '618'], '2026-06-18', '2026-06-18', true],
  [['双12', 'double 12'], '2025-12-12', '2025-12-12', true],
  [['去年双11', 'double11 2025'], '2025-11-11', '2025-11-11', true],
  [['近7天', 'last 7 days'], '2026-11-21', '2026-11-27', true],
  [['近4周', 'last 4 weeks'], '2026-10-31', '2026-11-27', false],
  [['近3个月', 'last 3 months'], '2026-08-28', '2026-11-27', false],
  [['2026-10-01至2026-10-07', '2026-10-01 to 2026-10-07'], '2026-10-01', '2026-10-07', true],
  [['最近30天', 'past 30 days'], '2026-10-29', '2026-11-27', false],
  [['周三', 'wednesday'], '2026-11-25', '2026-11-25', true],
];
// Where the English differs in dates from the Chinese above.
const EN_DATES: Record<string, [string, string]> = { 'oct 2025': ['2025-10-01', '2025-10-31'] };

const CHANNELS: [Phrase, string][] = [
  [['抖音', 'douyin'], 'douyin'], [['天猫', 'tmall'], 'tmall'], [['京东', 'jd'], 'jd'], [['小红书', 'xhs'], 'xiaohongshu'], [['小程序', 'wechat'], 'wechat'],
  [['微信', 'mini program'], 'wechat'], [['官网', 'web'], 'web'], [['门店', 'pos'], 'pos'], [['抖音', 'tiktok'], 'douyin'], [['红书', 'xiaohongshu'], 'xiaohongshu'],
];

const SHAPES: [Phrase, Pick<Reading, 'by' | 'trend'>][] = [
  [['按渠道', 'by channel'], { by: 'channel' }], [['分渠道', 'per channel'], { by: 'channel' }], [['每天', 'daily'], { trend: 'day' }], [['每周', 'by week'], { trend: 'week' }], [['每月', 'monthly'], { trend: 'month' }],
];

const COMPARES: [Phrase, Reading['compare']][] = [
  [['同比', 'yoy'], 'last_year'], [['去年同期', 'vs last year'], 'last_year'], [['环比', 'vs previous period'], 'previous'], [['上周同日', 'same day last week'], 'last_week_same_day'],
];

const FILLERS: Phrase[] = [['的', 'please'], ['多少', "what's"], ['帮我查一下', 'show me'], ['呢', 'how much is'], ['是多少', 'the'], ['请问', 'pls']];

/** mulberry32: a fixed-seed shuffle, so the corpus is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function combined(count: number): Case[] {
  const rnd = random(15);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: Case[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const lang = rnd() < 0.5 ? 0 : 1;
    const mixed = rnd() < 0.15; // a Chinese question with an English metric, or the other way round
    const [mp, metric] = pick(METRICS);
    const [pp, from0, to0, short] = pick(PERIODS);
    const [from, to] = lang === 1 && EN_DATES[pp[1]] ? EN_DATES[pp[1]] : [from0, to0];
    const want: Reading = { metric, from, to };
    const words = [mp[mixed ? 1 - lang : lang], pp[lang]];
    if (rnd() < 0.5) {
      const [cp, id] = pick(CHANNELS);
      words.push(cp[lang]);
      want.channel = id;
    } else if (rnd() < 0.5) {
      const [sp, shape] = pick(SHAPES);
      words.push(sp[lang]);
      Object.assign(want, shape);
    }
    if (rnd() < 0.4) {
      const [kp, kind] = pick(COMPARES);
      if (kind !== 'last_week_same_day' || short) {
        words.push(kp[lang]);
        want.compare = kind;
      }
    }
    if (rnd() < 0.5) words.push(pick(FILLERS)[lang]);
    // Any order; Chinese often without spaces.
    for (let i = words.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [words[i], words[j]] = [words[j], words[i]];
    }
    const q = words.join(lang === 0 && rnd() < 0.6 ? '' : ' ');
    if (seen.has(q)) continue;
    seen.add(q);
    out.push({ q, want });
  }
  return out;
}

export const CORPUS: Case[] = [...HAND, ...combined(240)];
