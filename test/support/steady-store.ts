import { seeded } from '../../src/adapters/demo/random.ts';
import { Calendar, type Day } from '../../src/domain/calendar.ts';
import { StoreData } from '../../src/domain/store-data.ts';

// A store whose every day looks like the same weekday before it, up to noise: five channels,
// visitors, conversion, AOV and spend each steady. Tests plant one change in it (a channel's
// conversion cut, a refund spike, a falling ROI) and check that exactly that change is reported.

export const CHANNELS = ['tmall', 'jd', 'douyin', 'xiaohongshu', 'wechat'] as const;
export const calendar = new Calendar('Asia/Shanghai');
export const FIRST = calendar.dayOf(Date.parse('2026-09-01T00:00:00+08:00'));

export interface Plant {
  /** Multiplies a channel's conversion on a day. */
  conversion?: (day: Day, channel: string) => number;
  /** Share of GMV refunded on a day in a channel (default ~2 %). */
  refundShare?: (day: Day, channel: string) => number;
  /** Spend multiplier (a falling ROI). */
  spend?: (day: Day, channel: string) => number;
}

/** Fills `data` (a new store by default) with `days` days from FIRST. */
export function steadyStore(days: number, plant: Plant = {}, seed = 7, data = new StoreData(calendar)): StoreData {
  const rand = seeded(seed);
  let id = 0;
  let customer = 0;
  const weekdayFactor = [1.0, 0.95, 1.1, 1.0, 1.15, 1.3, 1.2];
  for (let d = 0; d < days; d++) {
    const day = FIRST + d;
    const start = calendar.startOf(day);
    for (const [ci, ch] of CHANNELS.entries()) {
      const uv = Math.round((4000 + ci * 1500) * weekdayFactor[(day + 3) % 7] * (1 + (rand() - 0.5) * 0.04));
      const conv = 0.04 * (plant.conversion?.(day, ch) ?? 1);
      const buyers = Math.round(uv * conv * (1 + (rand() - 0.5) * 0.04));
      const refundShare = plant.refundShare?.(day, ch) ?? 0.02;
      let gmv = 0;
      for (let b = 0; b < buyers; b++) {
        // Mostly new customers, some returning (a pool of earlier ids).
        const cust = rand() < 0.3 && customer > 100 ? `c${Math.floor(rand() * customer)}` : `c${customer++}`;
        const amount = 15_000 + Math.floor(rand() * 10_000);
        const refunded = rand() < refundShare * 2 ? Math.floor(amount / 2) : 0;
        gmv += amount;
        const paidAt = start + 8 * 3_600_000 + Math.floor(rand() * 14 * 3_600_000);
        data.book.upsert({ platform: 'own', orderId: String(id++), channel: ch, customer: cust, createdAt: paidAt, paidAt, status: 'paid', amount, refunded, lines: [{ sku: `SKU-${ci}-${b % 40}`, qty: 1, amount }] }, 1);
      }
      data.traffic.set(day, ch, uv);
      data.spend.set(day, ch, Math.round((gmv / 3) * (plant.spend?.(day, ch) ?? 1)));
    }
  }
  data.refresh();
  return data;
}
