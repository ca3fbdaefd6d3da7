// The metrics the bot answers, with what kind of number each one is.
// Definitions follow DESIGN.md's playbook and are repeated in the README.

export const METRICS = ['gmv', 'net_gmv', 'orders', 'buyers', 'aov', 'conversion', 'repurchase', 'refund_rate', 'refunds', 'new_share', 'roi', 'top_skus', 'uv', 'spend'] as const;
export type Metric = (typeof METRICS)[number];

/** money: minor units · ratio: fraction 0–1 · multiple: e.g. ROI 2.4 · count: whole number */
export type Unit = 'money' | 'ratio' | 'multiple' | 'count';

export const UNIT: Record<Metric, Unit> = {
  gmv: 'money',
  net_gmv: 'money',
  orders: 'count',
  buyers: 'count',
  aov: 'money',
  conversion: 'ratio',
  repurchase: 'ratio',
  refund_rate: 'ratio',
  refunds: 'money',
  new_share: 'ratio',
  roi: 'multiple',
  top_skus: 'money',
  uv: 'count',
  spend: 'money',
};

export type Breakdown = 'channel' | 'sku';
