import type { Metric } from '../../domain/metrics/metric.ts';
import type { Part } from './parts.ts';
import { rulesOf, sticky, type Rule } from './tokenizer.ts';

// The words people use for each metric, in both languages. The longest match wins,
// so 退款率 is the rate and 退款金额 / 退款多少钱 the amount.

const WORDS: [Metric, string][] = [
  ['net_gmv', 'net\\s*(?:gmv|sales|revenue)|净\\s*gmv|净成交(?:额)?|净销售(?:额)?'],
  ['refunds', 'refunds?|refund(?:ed)?\\s+(?:amount|total|money)|amount\\s+refunded|refunded|退款(?:金额|额|总额)?|退款多少钱|退了多少(?:钱)?|退款多少|退钱'],
  ['refund_rate', 'refund\\s*(?:rate|ratio|%)|退款率|退款比例|退货率|退款占比'],
  ['top_skus', 'top\\s*(\\d+)?\\s*(?:skus?|products?|items?|sellers?|selling(?:\\s+(?:skus?|products?|items?))?)|best\\s*-?\\s*sell(?:ers?|ing(?:\\s+(?:skus?|products?|items?))?)|(?:热销|畅销)(?:商品|产品|单品|sku)?(?:\\s*(?:前|top)\\s*(\\d+)(?:名|个)?)?|爆款|商品排行|销量排行|sku\\s*排行|前\\s*(\\d+)\\s*(?:名|个)?\\s*(?:热销|畅销)?\\s*(?:商品|产品|单品|sku)'],
  ['repurchase', 're-?purchase(?:\\s+rate)?|repeat\\s*(?:purchase|rate|buyers?|customers?)(?:\\s+rate)?|复购(?:率)?|回购率'],
  ['new_share', 'new[-\\s]*(?:customers?|buyers?)(?:\\s*(?:share|ratio|rate|%))?|新客(?:占比|比例|率)?'],
  ['conversion', 'conversion(?:\\s+rate)?|cvr|转化(?:率)?'],
  ['aov', 'aov|average\\s+(?:order|basket)(?:\\s+(?:value|size))?|avg\\.?\\s+order(?:\\s+value)?|basket\\s*size|客单价|客单'],
  ['roi', 'roi|roas|投产比|投入产出(?:比)?|回报率'],
  ['spend', 'ad\\s*spend|ads?\\s+cost|spend(?:ing)?|广告(?:花费|费用|费)|投放(?:花费|金额|费用)?|花费|消耗'],
  ['uv', 'uv|visitors?|visits|traffic|访客(?:数)?|流量|客流'],
  ['buyers', 'buyers?|customers?|paying\\s+(?:buyers?|customers?)|买家(?:数)?|顾客(?:数)?|客户数|下单人数|支付人数|购买人数'],
  ['orders', 'orders?|order\\s+count|number\\s+of\\s+orders|订单(?:数|量)?|单量|几单|多少单'],
  ['gmv', 'gmv|sales|revenue|turnover|成交(?:额|金额)?|销售(?:额)?|营业额|营收|业绩|流水|卖了多少(?:钱)?|卖了几个钱|sell|sold'],
];

export const metricRules: Rule<Part>[] = WORDS.flatMap(([metric, source]) =>
  rulesOf<Part>(source, (m) => {
    const n = m.slice(1).find((g) => g !== undefined);
    return { kind: 'metric', metric, ...(n ? { limit: Number(n) } : {}) };
  }),
);

export const METRIC_WORDS = ['sales', 'revenue', 'refund', 'refunds', 'refunded', 'orders', 'order', 'buyers', 'customers', 'visitors', 'traffic', 'conversion', 'repurchase', 'repeat', 'average', 'spend', 'products', 'sellers', 'turnover', 'amount', 'rate'];
