import type { Metric } from '../../domain/metrics/metric.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Block } from '../../chat/reply.ts';
import { metricName } from './metric-names.ts';

// `help metrics` / `帮助 经营数据`: every metric with its definition and a question
// that works as typed, then the period forms, filters, comparisons and trends.

export const METRIC_EXAMPLES = {
  zh: ['今天GMV多少', '昨天 按渠道 GMV', '抖音 上周 退款率', '本月 GMV 每天', '近90天复购率', '本月 热销商品', '双11 GMV 同比', 'GMV 2026-10-01至2026-10-31'],
  en: ['gmv today', 'gmv yesterday by channel', 'refund rate last week on douyin', 'gmv this month by day', 'repurchase rate last 90 days', 'top skus this month', 'double 11 gmv vs last year', 'gmv 2026-10-01 to 2026-10-31'],
};

const DEFINITIONS: [Metric, string, string, string, string][] = [
  ['gmv', '已支付订单金额之和，按支付日计；支付后取消的订单仍计入，退款另算', "paid orders' amounts, on the day paid; an order cancelled after payment stays in, its refund counts", '昨天GMV', 'gmv yesterday'],
  ['net_gmv', 'GMV 减去这些订单的退款', 'GMV minus those orders’ refunds', '本月净GMV', 'net gmv this month'],
  ['orders', '已支付订单数', 'count of paid orders', '前天的订单数', 'orders the day before yesterday'],
  ['buyers', '有已支付订单的买家数（去重）', 'distinct customers with a paid order', '上周 买家数', 'buyers last week'],
  ['aov', 'GMV ÷ 支付订单数', 'GMV / paid orders', '本月 客单价', 'aov this month'],
  ['conversion', '支付买家数 ÷ 访客数（需导入流量）', 'paying buyers / visitors (needs imported traffic)', '上周 转化率 按渠道', 'conversion last week by channel'],
  ['repurchase', '期内下单两次及以上的买家 ÷ 下单买家', 'buyers with 2+ paid orders in the period / buyers', '近90天 复购率', 'repurchase rate last 90 days'],
  ['refunds', '这些订单的退款金额', 'refunded amount of those orders', '昨天退款多少钱', 'refunds yesterday'],
  ['refund_rate', '退款金额 ÷ GMV', 'refunded amount / GMV', '天猫 上周 退款率', 'refund rate last week on tmall'],
  ['new_share', '首单落在期内的买家 ÷ 买家', 'buyers whose first paid order falls in the period / buyers', '本月 新客占比', 'new customer share this month'],
  ['roi', '渠道 GMV ÷ 广告花费（需导入花费）', 'channel GMV / ad spend (needs imported spend)', '上月 ROI 按渠道', 'roi last month by channel'],
  ['spend', '导入的广告花费', 'ad spend as imported', '本周 广告花费', 'ad spend this week'],
  ['uv', '导入的访客数', 'visitors as imported', '昨天 访客数', 'visitors yesterday'],
  ['top_skus', '按商品行销售额排名，默认前10（「热销前20」）', 'line sales by SKU, top 10 by default ("top 20 skus")', '本月 热销商品', 'top skus this month'],
];

export function metricHelp(lang: Lang): Block[] {
  const t = say(lang);
  const zh = lang === 'zh';
  return [
    { type: 'text', text: t('经营数据：怎么问', 'Store metrics: how to ask'), tone: 'heading' },
    {
      type: 'table',
      columns: [{ title: t('指标', 'Metric'), align: 'left' }, { title: t('定义', 'Definition'), align: 'left' }, { title: t('例如', 'For example'), align: 'left' }],
      rows: DEFINITIONS.map(([m, dz, de, ez, ee]) => [metricName(m, lang), zh ? dz : de, zh ? ez : ee]),
    },
    { type: 'text', text: t('时间：今天、昨天、前天、本周/上周、本月/上月、今年以来(ytd)、本月至今(mtd)、本周至今(wtd)、10月 / 2026年10月、上周五、本周一到周三、11/11 或 11月11日、2026-10-01至2026-10-31、双11 / 618 / 双12 / 去年双11、近7天 / 近4周 / 近3个月。不写时间就是今天。', 'Periods: today, yesterday, the day before yesterday, this/last week, this/last month, ytd / mtd / wtd, october / 2026-10, last friday, last monday to last wednesday, 11/11, 2026-10-01 to 2026-10-31, double 11 / 618 / double 12 (latest one, or "2025 double 11"), last 7 days / last 4 weeks / last 3 months. No period means today.') },
    { type: 'text', text: t('筛选：渠道名（抖音、天猫、京东、小红书/xhs、微信/小程序、官网、门店…）；拆分：按渠道、热销商品。', 'Filters: a channel by name (douyin, tmall, jd, xhs, wechat / mini-program, web, pos …); breakdowns: by channel, top skus.') },
    { type: 'text', text: t('对比：默认环比上一个等长时段；同比 / 去年同期；上周同日；或「对比 2026-10-01至2026-10-07」。', 'Comparisons: the previous equal period by default; vs last year / yoy; same day last week / vs last friday; or "vs 2026-10-01 to 2026-10-07".') },
    { type: 'text', text: t('趋势：每天 / 每周 / 每月，列出每个点、合计和变化。', 'Trends: by day / by week / by month — each point, the total and the change.') },
    { type: 'context', text: t('看不懂的词我会直接说出来，不会猜着回答。', 'A word I do not know is named back to you, never silently dropped.') },
  ];
}
