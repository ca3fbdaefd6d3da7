import { Calendar } from '../../../src/domain/calendar.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { StoreData } from '../../../src/domain/store-data.ts';

// Hand-made orders for the domain tests: times written as store-local ISO strings.

export const calendar = new Calendar('Asia/Shanghai');
export const at = (iso: string) => Date.parse(iso);

export function order(id: string, o: Partial<Order> & { paid?: string; created?: string }): Order {
  const { paid, created, ...rest } = o;
  return {
    platform: 'own',
    orderId: id,
    channel: 'tmall',
    customer: 'alice',
    createdAt: at(created ?? paid ?? '2026-11-01T09:00:00+08:00'),
    ...(paid ? { paidAt: at(paid) } : {}),
    status: paid ? 'paid' : 'unpaid',
    amount: 10000,
    refunded: 0,
    lines: [{ sku: 'SK-A', qty: 1, amount: o.amount ?? 10000 }],
    ...rest,
  };
}

export const newData = () => new StoreData(calendar);

/** Every order in the book, by key, rebuilt from the columns. */
export function snapshot(data: StoreData): Record<string, Order> {
  const out: Record<string, Order> = {};
  for (let row = 0; row < data.book.size; row++) {
    const o = data.book.order(row);
    out[`${o.platform}:${o.orderId}`] = o;
  }
  return out;
}
