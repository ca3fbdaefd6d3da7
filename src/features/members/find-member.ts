import type { MemberLinks } from '../../domain/members/member-links.ts';
import type { OrderBook } from '../../domain/orders/order-book.ts';

const digits = (s: string) => s.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');

/** A customer id by their id, e-mail (any case), phone seen on orders, or linked chat id (`@m001` on the asker's platform). */
export function findMember(book: OrderBook, links: MemberLinks, query: string, platform?: string): number | undefined {
  const q = query.trim();
  const exact = book.customers.find(q);
  if (exact !== undefined) return exact;
  const linked = links.byUser(q) ?? (platform && /^@\S+$/.test(q) ? links.byUser(`${platform}:${q.slice(1)}`) : undefined);
  if (linked) return book.customers.find(linked.customer);
  if (q.includes('@')) {
    const lower = q.toLowerCase();
    const i = book.customers.names.findIndex((n) => n.toLowerCase() === lower);
    if (i >= 0) return i;
  }
  const d = digits(q);
  if (d.length >= 7) for (const [cust, phone] of book.phones) if (digits(phone) === d) return cust;
  return undefined;
}

export interface CouponUse {
  code: string;
  day: number;
  amount: number;
}

/** Coupon codes on the customer's orders, newest first (from the order book's coupon column). */
export function couponHistory(book: OrderBook, customer: number): CouponUse[] {
  const out: CouponUse[] = [];
  const cust = book.customer.data;
  const coupon = book.coupon.data;
  for (let r = 0; r < book.size; r++) {
    if (cust[r] === customer && coupon[r] >= 0) out.push({ code: book.coupons.names[coupon[r]], day: book.day.data[r], amount: book.amount.data[r] });
  }
  return out.sort((a, b) => b.day - a.day);
}
