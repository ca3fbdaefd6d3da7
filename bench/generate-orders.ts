import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CATALOG, CHANNELS, HOURS, WEEKDAY } from '../src/adapters/demo/catalog.ts';
import { seeded } from '../src/adapters/demo/random.ts';

// Writes a large store in the project's own CSV order schema, streaming, so a
// million orders never sit in memory as objects. Store zone is Asia/Shanghai (+08:00, no DST).

export const OWN_HEADER = 'platform,order_id,channel,customer,created_at,paid_at,status,amount,refunded,coupon_code,phone,items';
const OFFSET = 8 * 3_600_000;
const DAY = 86_400_000;

export interface Generated {
  orders: number;
  customers: number;
  firstDay: string;
  /** The instant the store ends: the bench's "now". */
  now: number;
}

const iso = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 19) + '+08:00';
const major = (minor: number) => (minor / 100).toFixed(2);

/** Index drawn in proportion to the weights, from a uniform number in [0, 1). */
function picker(weights: readonly number[]): (u: number) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const cum = weights.map((w) => (acc += w / total));
  return (u) => {
    let i = 0;
    while (i < cum.length - 1 && u >= cum[i]) i++;
    return i;
  };
}

/** The part of a day's orders placed before this time of day, by the hourly rhythm. */
function shareOfDayBefore(ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  const all = HOURS.reduce((a, b) => a + b, 0);
  const before = HOURS.slice(0, hour).reduce((a, b) => a + b, 0) + (HOURS[hour] * (ms % 3_600_000)) / 3_600_000;
  return Math.max(before / all, 0.001);
}

/** Generates `total` orders over the 365 days up to `now` (weekday rhythm, a Double 11 spike, repeat buyers). */
export async function generateOrdersCsv(path: string, total: number, now: number, seed = 20261127): Promise<Generated> {
  const rand = seeded(seed);
  const out = createWriteStream(path);
  const days = 365;
  const todayLocal = Math.floor((now + OFFSET) / DAY);
  const first = todayLocal - days + 1;
  // Weight each day, then share the total among the days by weight.
  const weights: number[] = [];
  for (let d = first; d <= todayLocal; d++) {
    const date = new Date(d * DAY);
    const w = WEEKDAY[((d + 3) % 7 + 7) % 7] * (0.8 + (0.4 * (d - first)) / days);
    const double11 = date.getUTCMonth() === 10 && date.getUTCDate() === 11 ? 4 : 1;
    weights.push(w * double11 * (d === todayLocal ? shareOfDayBefore((now + OFFSET) % DAY) : 1));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const hourOf = picker(HOURS);
  const channelOf = picker(CHANNELS.map((c) => c[1]));
  const skuLabels = CATALOG.map(([sku, , price]) => [`${sku}:1:${major(price)}`, `${sku}:2:${major(price * 2)}`]);
  const buys: number[] = []; // one entry per purchase, so frequent buyers come back more often
  let customers = 0;
  let written = 0;
  let buf: string[] = [OWN_HEADER];
  const flush = async () => {
    if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
    buf = [];
  };
  for (let i = 0; i < days; i++) {
    const d = first + i;
    const n = i === days - 1 ? total - written : Math.min(total - written, Math.round((total * weights[i]) / sum));
    const dayStart = d * DAY - OFFSET;
    const limit = d === todayLocal ? now - dayStart : DAY;
    const times: number[] = [];
    for (let k = 0; k < n; k++) {
      // Today's orders follow the same hourly rhythm, cut at now.
      let t: number;
      do t = hourOf(rand()) * 3_600_000 + Math.floor(rand() * 3_600_000);
      while (t >= limit);
      times.push(dayStart + t);
    }
    times.sort((a, b) => a - b);
    for (const paidAt of times) {
      written++;
      const cust = buys.length > 1000 && rand() < 0.7 ? buys[Math.floor(rand() * buys.length)] : customers++;
      buys.push(cust);
      const channel = CHANNELS[channelOf(rand())][0];
      const count = rand() < 0.6 ? 1 : rand() < 0.7 ? 2 : 3;
      const items: string[] = [];
      let subtotal = 0;
      for (let l = 0; l < count; l++) {
        const k = Math.floor(Math.pow(rand(), 1.6) * CATALOG.length);
        const qty = rand() < 0.85 ? 1 : 2;
        subtotal += CATALOG[k][2] * qty;
        items.push(skuLabels[k][qty - 1]);
      }
      const coupon = rand() < 0.12 && subtotal >= 20000 ? 'SAVE30' : '';
      const amount = coupon ? subtotal - 3000 : subtotal;
      const r = rand();
      const status = r < 0.018 ? 'cancelled' : r < 0.026 ? 'unpaid' : 'paid';
      const rr = rand();
      const refunded = status !== 'paid' ? 0 : rr < 0.03 ? amount : rr < 0.05 ? Math.round(amount * 0.3) : 0;
      const createdAt = paidAt - 60_000 - Math.floor(rand() * 600_000);
      const phone = cust % 3 === 0 ? `138${String(10000000 + cust).slice(-8)}` : '';
      buf.push(
        `own,B${String(written).padStart(8, '0')},${channel},cust${cust}@bench.store,${iso(createdAt)},${status === 'unpaid' ? '' : iso(paidAt)},${status},${major(amount)},${major(refunded)},${coupon},${phone},${items.join('|')}`,
      );
      if (buf.length >= 20_000) await flush();
    }
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { orders: written, customers, firstDay: new Date(first * DAY).toISOString().slice(0, 10), now };
}
