import type { Driver } from '../../domain/insights/drivers.ts';
import { channelName } from '../shared/channels.ts';
import type { Lang } from '../../chat/lang.ts';

// What each driver is called in a sentence, in the team's words.

const NAMES: Record<string, [string, string]> = {
  visitors: ['访客数', 'visitors'],
  conversion: ['转化率', 'conversion'],
  orders_per_buyer: ['人均订单数', 'orders per buyer'],
  aov: ['客单价', 'AOV'],
  buyers: ['买家数', 'buyers'],
  gmv: ['GMV', 'GMV'],
  orders: ['订单数', 'orders'],
  refunds: ['退款额', 'refunds'],
  spend: ['投放花费', 'ad spend'],
  new: ['新客', 'new buyers'],
  returning: ['老客', 'returning buyers'],
  several_channels: ['跨渠道重复买家', 'buyers in several channels'],
  other: ['其他', 'other'],
};

export function driverName(d: Driver, lang: Lang): string {
  if (d.kind === 'channel' && !(d.name in NAMES)) return channelName(d.name, lang);
  if (d.kind === 'sku') return d.name;
  return NAMES[d.name]?.[lang === 'zh' ? 0 : 1] ?? d.name;
}

export const KIND_NAMES: Record<Driver['kind'], [string, string]> = {
  factor: ['因素', 'factor'],
  channel: ['渠道', 'channel'],
  sku: ['商品', 'SKU'],
  buyers: ['买家', 'buyers'],
};
