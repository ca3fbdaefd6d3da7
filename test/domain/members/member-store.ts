import { MemoryDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { Calendar } from '../../../src/domain/calendar.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { OrderRepository } from '../../../src/adapters/store/orders/order-repository.ts';
import { StoreData } from '../../../src/domain/store-data.ts';

// A store in memory (Asia/Shanghai) holding the given orders, loaded through applyOrders.

export async function storeWith(orders: Order[]) {
  const docs = new MemoryDocStore();
  const calendar = new Calendar('Asia/Shanghai');
  const data = new StoreData(calendar);
  const repo = new OrderRepository(docs, data);
  await repo.load();
  await applyOrders(data, repo, orders);
  return { docs, calendar, data };
}

let seq = 0;
/** A paid order at local noon of `date` (YYYY-MM-DD) for `amount` minor units. */
export function paid(customer: string, date: string, amount: number, extra: Partial<Order> = {}): Order {
  const at = Date.parse(`${date}T12:00:00+08:00`);
  return { platform: 'shop', orderId: `O${++seq}`, channel: 'web', customer, createdAt: at, paidAt: at, status: 'paid', amount, refunded: 0, lines: [], ...extra };
}
