import type { Rollups } from '../orders/rollups.ts';
import type { Period } from '../periods.ts';

export interface BuyerCounts {
  buyers: number;
  repeat: number;
  fresh: number;
}

/** Beyond this many days of orders the day × day tables grow too large (D² entries); plain scans are used instead. */
const MAX_DAYS = 1500;

/**
 * Buyer counts for any period in the time of one day's scan. Within a period's
 * positions [a, b) (see Rollups.positions), an order whose customer's previous
 * order lies before a is that buyer's first in the period (a new customer when
 * they have no previous order at all), and one whose previous order is inside
 * but the one before that is not is their second. For periods of whole days
 * those counts depend only on the first and last day, so they are tabulated per
 * (first day, last day); a cut last day is scanned.
 */
export class BuyerIndex {
  private readonly D: number;
  /** first[lo * D + hi]: buyers over whole days lo..hi (offsets from minDay); repeat likewise. */
  private readonly firsts: Int32Array;
  private readonly seconds: Int32Array;
  /** Prefix over days of orders that are their customer's first ever. */
  private readonly fresh: Int32Array;

  constructor(private readonly r: Rollups, maxDays = MAX_DAYS) {
    const D = (this.D = r.days);
    const n = r.byDay.length;
    const dayAt = new Int32Array(n);
    for (let d = 0; d < D; d++) dayAt.fill(d, r.dayStart[d], r.dayStart[d + 1]);
    this.fresh = new Int32Array(D + 1);
    const tables = D <= maxDays;
    this.firsts = new Int32Array(tables ? D * D : 0);
    this.seconds = new Int32Array(tables ? D * D : 0);
    const f = this.firsts;
    const s = this.seconds;
    for (let i = 0; i < n; i++) {
      const e = dayAt[i];
      const p = r.prevSame[i];
      if (p < 0) this.fresh[e + 1]++;
      if (!tables) continue;
      // Counts as a first for every start day lo in (day of previous, e]; as a second for lo in (day of previous-but-one, day of previous].
      const pd = p < 0 ? -1 : dayAt[p];
      if (pd < e) {
        f[(pd + 1) * D + e]++;
        if (e + 1 < D) f[(e + 1) * D + e]--;
      }
      if (p >= 0) {
        const p2 = r.prevSame2[i];
        const p2d = p2 < 0 ? -1 : dayAt[p2];
        if (p2d < pd) {
          s[(p2d + 1) * D + e]++;
          if (pd + 1 < D) s[(pd + 1) * D + e]--;
        }
      }
    }
    for (let d = 0; d < D; d++) this.fresh[d + 1] += this.fresh[d];
    if (!tables) return;
    for (const t of [f, s]) {
      // Sum the differences over start days, then accumulate over end days.
      for (let lo = 1; lo < D; lo++) for (let e = 0; e < D; e++) t[lo * D + e] += t[(lo - 1) * D + e];
      for (let lo = 0; lo < D; lo++) for (let e = lo + 1; e < D; e++) t[lo * D + e] += t[lo * D + e - 1];
    }
  }

  count(p: Period): BuyerCounts {
    const r = this.r;
    const span = r.span(p.from, p.to);
    if (!span) return { buyers: 0, repeat: 0, fresh: 0 };
    const [lo, hi] = span;
    const [a, b] = r.positions(p);
    const cut = p.cutoffMs !== undefined && hi === p.to - r.minDay;
    // Whole days from the tables when there are tables, the rest scanned.
    const wholeHi = this.firsts.length === 0 ? lo - 1 : cut ? hi - 1 : hi;
    let buyers = 0;
    let repeat = 0;
    let fresh = 0;
    if (wholeHi >= lo) {
      buyers = this.firsts[lo * this.D + wholeHi];
      repeat = this.seconds[lo * this.D + wholeHi];
      fresh = this.fresh[wholeHi + 1] - this.fresh[lo];
    }
    const prev = r.prevSame;
    const prev2 = r.prevSame2;
    for (let i = r.dayStart[wholeHi + 1]; i < b; i++) {
      const pv = prev[i];
      if (pv < a) {
        buyers++;
        if (pv < 0) fresh++;
      } else if (prev2[i] < a) repeat++;
    }
    return { buyers, repeat, fresh };
  }
}
