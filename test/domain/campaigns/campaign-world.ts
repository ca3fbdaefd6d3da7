import { MemoryDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { Calendar } from '../../../src/domain/calendar.ts';
import type { Campaign } from '../../../src/domain/campaigns/campaign.ts';
import { defaultCampaignRules, type CampaignRules } from '../../../src/domain/playbook/campaigns.ts';
import { MemberLinks } from '../../../src/domain/members/member-links.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { OrderRepository } from '../../../src/adapters/store/orders/order-repository.ts';
import { StoreData } from '../../../src/domain/store-data.ts';

// A small store for the campaign rules: `n` customers C1…Cn who each paid ¥100 on `paidIso`;
// the first `linked` of them linked chat user `test:uK`.

export const cal = new Calendar('Asia/Shanghai');

export function paidOrder(customer: string, id: string, paidIso: string, amount: number, couponCode?: string): Order {
  const paidAt = Date.parse(paidIso);
  return { platform: 'test', orderId: id, channel: 'tmall', customer, createdAt: paidAt, paidAt, status: 'paid', amount, refunded: 0, lines: [{ sku: 'S', qty: 1, amount }], ...(couponCode ? { couponCode } : {}) };
}

export async function world(n: number, linked: number, paidIso = '2026-11-20T12:00:00+08:00', rules: Partial<CampaignRules> = {}) {
  const docs = new MemoryDocStore();
  const data = new StoreData(cal);
  const repo = new OrderRepository(docs, data);
  const orders: Order[] = [];
  for (let i = 1; i <= n; i++) orders.push(paidOrder(`C${i}`, `o${i}`, paidIso, 10_000));
  await applyOrders(data, repo, orders);
  const links = await MemberLinks.open(docs);
  for (let i = 1; i <= linked; i++) await links.link(`test:u${i}`, `C${i}`, 'order', new Date('2026-11-01T10:00:00+08:00'));
  return { docs, data, repo, links, inputs: { data, docs, calendar: cal, rules: { ...defaultCampaignRules(), ...rules } } };
}

export function campaign(id: number, over: Partial<Campaign> = {}): Campaign {
  return {
    id,
    coupon: { name: '回购券 满200减30', threshold: 20_000, discount: 3_000, validDays: 14 },
    audience: { kind: 'purchased', daysAgo: 7 },
    schedule: { kind: 'daily', time: '10:00' },
    status: 'active',
    createdBy: 'test:alice',
    createdAt: '2026-11-26T01:00:00.000Z',
    conversation: 'console:ops-room',
    lang: 'zh',
    runFrom: '2026-11-26T01:00:00.000Z',
    doneSteps: [],
    history: [],
    ...over,
  };
}
