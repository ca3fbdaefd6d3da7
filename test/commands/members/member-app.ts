import type { Reply } from '../../../src/chat/reply.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { consoleWorld } from '../../support/console-world.ts';
import type { Feature } from '../../../src/bot/feature.ts';

// The bot in memory with a community manager (cm), an ops manager (mo) and plain staff (sam);
// a clock the test moves; a few customers' orders imported.

let seq = 0;
export function paid(customer: string, date: string, amount: number, extra: Partial<Order> = {}): Order {
  const at = Date.parse(`${date}T12:00:00+08:00`);
  return { platform: 'shop', orderId: `M${++seq}`, channel: 'web', customer, createdAt: at, paidAt: at, status: 'paid', amount, refunded: 0, lines: [], ...extra };
}

export async function memberApp(startIso: string, orders: Order[], lang: 'zh' | 'en' = 'zh', features?: Feature[]) {
  const world = await consoleWorld({ start: startIso, lang, ...(features ? { features } : {}), terminalUser: 'cm', grants: [['console:cm', 'community'], ['console:mo', 'ops_manager']] });
  await applyOrders(world.app.services.data, world.app.services.orders, orders);
  return { app: world.app, say: world.say, dm: world.dm, press: (user: string, action: { id: string; value: string }) => world.press(user, action.id, action.value), at: world.setNow, tick: () => world.tick() };
}

/** Everything a reply says, as plain text (tables and figures included). */
export const said = (r: Reply) =>
  r.blocks
    .map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : b.type === 'figures' ? b.items.map((i) => `${i.label} ${i.value}`).join('\n') : b.type === 'choices' ? `${b.prompt ?? ''} ${b.choices.map((c) => c.label).join(' ')}` : ''))
    .join('\n');
