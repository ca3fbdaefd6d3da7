import { civil, dayFromCivil, formatDay, parseDay, type Day } from '../calendar.ts';
import type { OrderBook } from '../orders/order-book.ts';
import type { MemberRules } from '../playbook/members.ts';
import type { DocStore } from '../ports.ts';
import type { MemberStats } from './member-stats.ts';

// Tiers by trailing paid spend: member → silver (银卡) → gold (金卡) → black (黑卡).
// Entering a tier needs its `enter` spend; staying needs its (lower) `keep` spend.
// Upgrades take effect at once; downgrades only at a retention review date.
//
//   const book = await TierBook.open(services.docs);
//   const plan = planTiers(stats, book.codes(data.book), rules, book.lastReview());
//   // preview plan.byTier / plan.up / plan.down, then on confirmation:
//   await book.apply(plan, data.book, clock.now());
//
// Tier codes are indexes into TIERS (0 = member … 3 = black); arrays are indexed by customer id.

export const TIERS = ['member', 'silver', 'gold', 'black'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_NAMES: Record<Tier, { zh: string; en: string }> = {
  member: { zh: '普通会员', en: 'member' },
  silver: { zh: '银卡', en: 'silver' },
  gold: { zh: '金卡', en: 'gold' },
  black: { zh: '黑卡', en: 'black' },
};
export const isTier = (v: string): v is Tier => (TIERS as readonly string[]).includes(v);
/** '银卡' or 'Gold' → 'silver' / 'gold'. */
export function tierFromWord(word: string): Tier | undefined {
  const w = word.trim().toLowerCase();
  if (isTier(w)) return w;
  return TIERS.find((t) => TIER_NAMES[t].zh === word.trim() || TIER_NAMES[t].zh.replace('普通', '') === word.trim());
}

/** The highest tier whose `enter` spend is reached (0 = member). */
export function enterTier(spend: number, rules: MemberRules): number {
  const t = rules.tiers;
  return spend >= t.black.enter ? 3 : spend >= t.gold.enter ? 2 : spend >= t.silver.enter ? 1 : 0;
}

/** The highest tier whose `keep` spend is reached. */
export function keepTier(spend: number, rules: MemberRules): number {
  const t = rules.tiers;
  return spend >= t.black.keep ? 3 : spend >= t.gold.keep ? 2 : spend >= t.silver.keep ? 1 : 0;
}

/** Outside a review a tier only rises; at a review it falls to the highest tier whose keep spend is met. */
export function nextTier(current: number, spend: number, rules: MemberRules, review: boolean): number {
  const entered = enterTier(spend, rules);
  const kept = review ? Math.min(current, keepTier(spend, rules)) : current;
  return Math.max(entered, kept);
}

/** The latest review date on or before `today` (store days). */
export function reviewDayOn(today: Day, reviewDates: string[]): Day {
  const { y } = civil(today);
  let best = -Infinity;
  for (const year of [y, y - 1]) {
    for (const md of reviewDates) {
      const [m, d] = md.split('-').map(Number);
      const day = dayFromCivil(year, m, d);
      if (day <= today && day > best) best = day;
    }
  }
  return best;
}

export interface TierCount {
  before: number;
  after: number;
  up: number;
  down: number;
}

export interface TierPlan {
  today: Day;
  /** Whether this run applies a retention review (downgrades allowed). */
  review: boolean;
  /** No tiers were ever applied: this run sets them from spend. */
  firstRun: boolean;
  reviewDay: Day;
  current: Uint8Array;
  next: Uint8Array;
  up: number;
  down: number;
  stay: number;
  byTier: Record<Tier, TierCount>;
  /** Customer ids that move up, for congratulations. */
  upgraded: Int32Array;
}

/** Evaluates every customer; `lastReview` is the review day last applied (undefined: never). */
export function planTiers(stats: MemberStats, current: Uint8Array, rules: MemberRules, lastReview: Day | undefined): TierPlan {
  const reviewDay = reviewDayOn(stats.today, rules.reviewDates);
  const review = lastReview === undefined || reviewDay > lastReview;
  const n = stats.customers;
  const next = new Uint8Array(n);
  const counts = TIERS.map(() => ({ before: 0, after: 0, up: 0, down: 0 }));
  const upgraded: number[] = [];
  const spend = stats.spend;
  let up = 0;
  let down = 0;
  for (let c = 0; c < n; c++) {
    const cur = c < current.length ? current[c] : 0;
    const nt = nextTier(cur, spend[c], rules, review);
    next[c] = nt;
    counts[cur].before++;
    counts[nt].after++;
    if (nt > cur) {
      up++;
      counts[nt].up++;
      upgraded.push(c);
    } else if (nt < cur) {
      down++;
      counts[nt].down++;
    }
  }
  const byTier = Object.fromEntries(TIERS.map((t, i) => [t, counts[i]])) as Record<Tier, TierCount>;
  return { today: stats.today, review, firstRun: lastReview === undefined, reviewDay, current, next, up, down, stay: n - up - down, byTier, upgraded: Int32Array.from(upgraded) };
}

interface TierDoc {
  /** Customers above member (as the order book names them), with their tier codes as one digit each in `codes`. */
  customers: string[];
  codes: string;
  /** Review day last applied, YYYY-MM-DD. */
  lastReview: string | null;
  lastRunAt: string | null;
}

/** The stored tier of every member, so downgrades wait for the review. Compact: a million tiers load in well under a second. */
export class TierBook {
  // Built from the document's lists on first look-up; rebuilt when they are replaced (apply,
  // or demo seeding), since one book lives as long as the process (services.books).
  private byName?: { from: TierDoc['customers']; codes: string; map: Map<string, number> };
  private constructor(private readonly doc: { data: TierDoc; write(): Promise<void> }) {}

  static async open(docs: DocStore): Promise<TierBook> {
    return new TierBook(await docs.open<TierDoc>('members/tiers', { customers: [], codes: '', lastReview: null, lastRunAt: null }));
  }

  tierOf(customer: string): Tier {
    const { customers, codes } = this.doc.data;
    if (this.byName?.from !== customers || this.byName.codes !== codes) this.byName = { from: customers, codes, map: new Map(customers.map((c, i) => [c, codes.charCodeAt(i) - 48])) };
    return TIERS[this.byName.map.get(customer) ?? 0];
  }

  lastReview(): Day | undefined {
    return this.doc.data.lastReview ? parseDay(this.doc.data.lastReview) : undefined;
  }

  lastRunAt(): string | null {
    return this.doc.data.lastRunAt;
  }

  /** Stored tiers as codes by customer id. */
  codes(book: OrderBook): Uint8Array {
    const out = new Uint8Array(book.customers.size);
    const { customers, codes } = this.doc.data;
    for (let i = 0; i < customers.length; i++) {
      const id = book.customers.find(customers[i]);
      if (id !== undefined) out[id] = codes.charCodeAt(i) - 48;
    }
    return out;
  }

  /** Stores the plan's tiers (one write). */
  async apply(plan: TierPlan, book: OrderBook, at: Date): Promise<void> {
    const customers: string[] = [];
    const codes: string[] = [];
    // Customers the plan does not cover (none in practice) keep their stored tier.
    const old = this.doc.data;
    for (let i = 0; i < old.customers.length; i++) {
      const id = book.customers.find(old.customers[i]);
      if (id === undefined || id >= plan.next.length) {
        customers.push(old.customers[i]);
        codes.push(old.codes[i]);
      }
    }
    const names = book.customers.names;
    for (let c = 0; c < plan.next.length; c++) {
      if (plan.next[c] > 0) {
        customers.push(names[c]);
        codes.push(String(plan.next[c]));
      }
    }
    this.doc.data.customers = customers;
    this.doc.data.codes = codes.join('');
    this.byName = undefined;
    if (plan.review) this.doc.data.lastReview = formatDay(plan.reviewDay);
    this.doc.data.lastRunAt = at.toISOString();
    await this.doc.write();
  }
}
