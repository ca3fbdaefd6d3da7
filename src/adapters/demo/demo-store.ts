import { formatDay, weekday, type Day } from '../../domain/calendar.ts';
import type { Order } from '../../domain/orders/order.ts';
import type { SeriesRow } from '../../domain/orders/apply-orders.ts';
import { CATALOG, CHANNELS, HOURS, WEEKDAY } from './catalog.ts';
import { seeded, weighted } from './random.ts';

export interface DemoStore {
  orders: Order[];
  traffic: SeriesRow[];
  spend: SeriesRow[];
  promotionDay: Day;
}

export interface DemoOptions {
  /** The instant "now": orders stop there, today included. */
  now: number;
  startOfDay: (day: Day) => number;
  dayOf: (ms: number) => Day;
  days?: number;
  ordersPerDay?: number;
  seed?: number;
}

const HOUR_WEIGHTS = HOURS.map((w, h) => [h, w] as const);

/**
 * A realistic, deterministic store: 150 days up to now, five channels, repeat buyers,
 * a weekday rhythm, Double 11 (or a promotion 20 days ago) as a spike, refunds around
 * 4–5%, visitors and ad spend per channel and day.
 */
export function generateDemoStore(o: DemoOptions): DemoStore {
  const rand = seeded(o.seed ?? 20261111);
  const today = o.dayOf(o.now);
  const days = o.days ?? 150;
  const first = today - days + 1;
  const perDay = o.ordersPerDay ?? 210;
  const promotionDay = findPromotion(first, today);
  const orders: Order[] = [];
  const traffic: SeriesRow[] = [];
  const spend: SeriesRow[] = [];
  // Buyers: a growing pool; returning buyers are drawn in proportion to how often they bought.
  const returning: number[] = [];
  let customers = 0;
  let seq = 0;
  for (let day = first; day <= today; day++) {
    const trend = 0.85 + (0.3 * (day - first)) / days;
    const boost = day === promotionDay ? 4.2 : day === promotionDay - 1 ? 1.6 : Math.abs(day - promotionDay) <= 3 ? 1.25 : 1;
    const n = Math.round(perDay * WEEKDAY[weekday(day)] * trend * boost * (0.9 + rand() * 0.2));
    const dayStart = o.startOfDay(day);
    const gmvByChannel = new Map<string, number>();
    const buyersByChannel = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const hour = weighted(rand, HOUR_WEIGHTS);
      const paidAt = dayStart + hour * 3_600_000 + Math.floor(rand() * 3_600_000);
      if (paidAt > o.now) continue;
      const channel = weighted(rand, CHANNELS.map((c) => [c[0], c[1]] as const));
      let cust: number;
      if (returning.length > 200 && rand() < 0.52) cust = returning[Math.floor(rand() * returning.length)];
      else cust = customers++;
      returning.push(cust);
      const lines = [];
      const count = weighted(rand, [[1, 60], [2, 28], [3, 12]] as const);
      for (let l = 0; l < count; l++) {
        const [sku, , price] = CATALOG[Math.floor(Math.pow(rand(), 1.6) * CATALOG.length)];
        const qty = rand() < 0.85 ? 1 : 2;
        lines.push({ sku, qty, amount: price * qty });
      }
      const subtotal = lines.reduce((a, l) => a + l.amount, 0);
      const promo = day === promotionDay || rand() < 0.12;
      const discount = promo && subtotal >= 20000 ? 3000 * Math.floor(subtotal / 20000) : 0;
      const amount = subtotal - Math.min(discount, Math.floor(subtotal / 2));
      const r = rand();
      const status = r < 0.018 ? 'cancelled' : r < 0.026 ? 'unpaid' : 'paid';
      const refundRoll = rand();
      const refunded = status !== 'paid' ? 0 : refundRoll < 0.03 ? amount : refundRoll < 0.05 ? Math.round(amount * 0.3) : 0;
      seq++;
      const id = `DM${formatDay(day).replaceAll('-', '')}${String(seq).padStart(6, '0')}`;
      const customer = `c${String(cust + 1).padStart(5, '0')}@demo.store`;
      orders.push({
        platform: 'demo',
        orderId: id,
        channel,
        customer,
        createdAt: paidAt - Math.floor(rand() * 600_000),
        ...(status === 'unpaid' ? {} : { paidAt }),
        status,
        amount,
        refunded,
        ...(discount > 0 ? { couponCode: day === promotionDay ? 'D11-200-30' : 'REBUY-200-30' } : {}),
        phone: `13${String(800000000 + ((cust * 7919) % 199999999)).padStart(9, '0')}`,
        lines,
      });
      if (status === 'paid') {
        gmvByChannel.set(channel, (gmvByChannel.get(channel) ?? 0) + amount);
        buyersByChannel.set(channel, (buyersByChannel.get(channel) ?? 0) + 1);
      }
    }
    // Visitors: today's are counted so far, as a live dashboard would show them.
    const share = day === today ? Math.max(0.05, (o.now - dayStart) / 86_400_000) : 1;
    for (const [channel, , cvr, roi] of CHANNELS) {
      const buyers = buyersByChannel.get(channel) ?? 0;
      const uv = Math.round((buyers / cvr) * (0.9 + rand() * 0.2) + 40 * share);
      traffic.push({ day, channel, value: uv });
      const gmv = gmvByChannel.get(channel) ?? 0;
      spend.push({ day, channel, value: Math.round((gmv / roi) * (0.85 + rand() * 0.3)) });
    }
  }
  return { orders, traffic, spend, promotionDay };
}

/** Double 11 if it is in range, else 6.18, else a promotion 20 days ago. */
function findPromotion(first: Day, today: Day): Day {
  for (let d = today - 1; d >= first; d--) {
    const s = formatDay(d).slice(5);
    if (s === '11-11' || s === '06-18') return d;
  }
  return today - 20;
}
