import type { OrderBook } from './order-book.ts';
import type { Rollups } from './rollups.ts';

// How fresh the order book is: the newest order time it holds (created or paid, never
// after now), and per platform whether its feed has gone quiet for longer than usual.

const newest = new WeakMap<Rollups, number>();

/** Epoch ms of the newest order event at or before `now`; undefined for an empty book. Cached per refresh. */
export function newestOrderTime(book: OrderBook, rollups: Rollups, now: number): number | undefined {
  const cached = newest.get(rollups);
  if (cached !== undefined && cached <= now) return Number.isNaN(cached) ? undefined : cached;
  let best = -Infinity;
  const created = book.created.data;
  const paid = book.paid.data;
  for (let row = 0; row < book.size; row++) {
    const c = created[row];
    if (c > best && c <= now) best = c;
    const p = paid[row];
    if (p > best && p <= now) best = p;
  }
  const found = best === -Infinity ? NaN : best;
  newest.set(rollups, found);
  return Number.isNaN(found) ? undefined : found;
}

export interface QuietFeed {
  platform: string;
  /** Time of its newest order. */
  last: number;
  /** How long it has been quiet, and its usual longest gap (95th percentile over the window), in ms. */
  silentMs: number;
  usualGapMs: number;
}

const WINDOW_MS = 14 * 86_400_000;
const MIN_ORDERS = 10;
const MIN_GAP_MS = 30 * 60_000;

/** Platforms whose newest order is older than their usual gap between orders (judged on the last 14 days). */
export function quietFeeds(book: OrderBook, now: number): QuietFeed[] {
  const times = new Map<number, number[]>();
  const created = book.created.data;
  for (let row = 0; row < book.size; row++) {
    const t = created[row];
    if (t > now || t < now - WINDOW_MS) continue;
    const p = book.platform.data[row];
    let list = times.get(p);
    if (!list) times.set(p, (list = []));
    list.push(t);
  }
  const out: QuietFeed[] = [];
  for (const [p, list] of times) {
    if (list.length < MIN_ORDERS) continue;
    list.sort((a, b) => a - b);
    const gaps = list.slice(1).map((t, i) => t - list[i]).sort((a, b) => a - b);
    const usual = Math.max(MIN_GAP_MS, gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))]);
    const last = list[list.length - 1];
    if (now - last > usual) out.push({ platform: book.platforms.names[p], last, silentMs: now - last, usualGapMs: usual });
  }
  return out.sort((a, b) => a.platform.localeCompare(b.platform));
}
