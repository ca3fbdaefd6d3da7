import type { Metric } from '../../domain/metrics/metric.ts';
import type { Lang } from '../../chat/lang.ts';

const NAMES: Record<Metric, [string, string]> = {
  gmv: ['GMV', 'GMV'],
  net_gmv: ['净GMV', 'Net GMV'],
  orders: ['支付订单数', 'Paid orders'],
  buyers: ['支付买家数', 'Paying buyers'],
  aov: ['客单价', 'AOV'],
  conversion: ['转化率', 'Conversion'],
  repurchase: ['复购率', 'Repurchase rate'],
  refund_rate: ['退款率', 'Refund rate'],
  refunds: ['退款金额', 'Refunds'],
  new_share: ['新客占比', 'New-customer share'],
  roi: ['ROI', 'ROI'],
  top_skus: ['热销商品', 'Top SKUs'],
  uv: ['访客数(UV)', 'Visitors (UV)'],
  spend: ['广告花费', 'Ad spend'],
};

export const metricName = (m: Metric, lang: Lang) => NAMES[m][lang === 'zh' ? 0 : 1];
