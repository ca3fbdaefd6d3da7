import type { MemberLink } from '../../domain/members/member-links.ts';
import type { Order } from '../../domain/orders/order.ts';
import { seeded } from './random.ts';

/**
 * Terminal members for the demo store: the most frequent buyers linked to chat users
 * `console:m001` … (joined over the last four weeks, a few opted out), so a community
 * manager trying coupon campaigns in the terminal sees pushes arrive in members' DMs.
 */
export function demoMemberLinks(orders: Order[], now: number, count = 240): Record<string, MemberLink> {
  const rand = seeded(240);
  const seen = new Map<string, number>();
  for (const o of orders) if (o.status === 'paid') seen.set(o.customer, (seen.get(o.customer) ?? 0) + 1);
  const top = [...seen.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, count);
  const links: Record<string, MemberLink> = {};
  top.forEach(([customer], i) => {
    const user = `console:m${String(i + 1).padStart(3, '0')}`;
    const linkedAt = new Date(now - Math.floor(rand() * 28 * 86_400_000)).toISOString();
    const optedOut = i % 40 === 39;
    links[user] = { user, customer, linkedAt, via: 'order', optedOut, ...(optedOut ? { optedOutAt: linkedAt } : {}) };
  });
  return links;
}
