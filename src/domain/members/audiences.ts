import type { Calendar, Day } from '../calendar.ts';
import { NO_DAY } from '../orders/order-book.ts';
import { memberRules, type MemberRules } from '../playbook/members.ts';
import type { DocStore } from '../ports.ts';
import type { StoreData } from '../store-data.ts';
import { computeMemberStats } from './member-stats.ts';
import { linkDay, MemberLinks } from './member-links.ts';
import { scoreRfm, SEGMENTS, type RfmResult, type Segment } from './rfm.ts';
import { TIERS, TierBook, type Tier } from './tiers.ts';

// Who a campaign goes to. Every selection returns customer ids (order-book ids, ascending);
// name them with data.book.customers.names[id], reach them with links.usersOf(name).
//
//   const aud = await MemberAudiences.open({ data, docs, calendar, today });
//   aud.purchasedDaysAgo(7)          // paid an order exactly 7 store days before today
//   aud.purchasedWithin(1, 7)        // paid an order 1..7 days ago
//   aud.inSegment('sleeping')        // RFM segment (see SEGMENTS)
//   aud.inTier('gold')               // stored tier (what `tiers run` last applied)
//   aud.joinedDaysAgo(14)            // linked their chat account 14 store days ago
//   aud.allLinked()                  // every linked member who has not opted out
//
// Segment and tier selections are computed once per MemberAudiences and reused.

export interface AudienceDeps {
  data: StoreData;
  calendar: Calendar;
  today: Day;
  links: MemberLinks;
  tiers: TierBook;
  rules: MemberRules;
}

export class MemberAudiences {
  private rfm?: RfmResult;
  private tierCodes?: Uint8Array;
  constructor(readonly deps: AudienceDeps) {}

  static async open(args: { data: StoreData; docs: DocStore; calendar: Calendar; today: Day; rules?: MemberRules }): Promise<MemberAudiences> {
    const [links, tiers] = await Promise.all([MemberLinks.open(args.docs), TierBook.open(args.docs)]);
    return new MemberAudiences({ data: args.data, calendar: args.calendar, today: args.today, links, tiers, rules: args.rules ?? memberRules() });
  }

  /** Customers with a paid order exactly `n` store days before today. */
  purchasedDaysAgo(n: number): Int32Array {
    return this.purchasedWithin(n, n);
  }

  /** Customers with a paid order between `fromDaysAgo` and `toDaysAgo` days ago (inclusive, from ≤ to). */
  purchasedWithin(fromDaysAgo: number, toDaysAgo: number): Int32Array {
    const { data, today } = this.deps;
    const book = data.book;
    const lo = today - Math.max(fromDaysAgo, toDaysAgo);
    const hi = today - Math.min(fromDaysAgo, toDaysAgo);
    const hit = new Uint8Array(book.customers.size);
    const day = book.day.data;
    const status = book.status.data;
    const cust = book.customer.data;
    for (let r = 0; r < book.size; r++) {
      const d = day[r];
      if (status[r] === 0 && d !== NO_DAY && d >= lo && d <= hi) hit[cust[r]] = 1;
    }
    return indexesOf(hit, 1);
  }

  inSegment(name: Segment): Int32Array {
    if (!this.rfm) {
      const { data, today, rules } = this.deps;
      this.rfm = scoreRfm(computeMemberStats(data, today, { spendDays: rules.spendDays, rfmDays: rules.rfm.windowDays }), rules.rfm);
    }
    return indexesOf(this.rfm.segment, SEGMENTS.indexOf(name));
  }

  inTier(name: Tier): Int32Array {
    this.tierCodes ??= this.deps.tiers.codes(this.deps.data.book);
    return indexesOf(this.tierCodes, TIERS.indexOf(name));
  }

  /** Members whose (active) link was made exactly `n` store days ago. */
  joinedDaysAgo(n: number): Int32Array {
    const { links, calendar, today } = this.deps;
    return this.linkedIds(links.active().filter((l) => today - linkDay(l, calendar) === n).map((l) => l.customer));
  }

  allLinked(): Int32Array {
    return this.linkedIds(this.deps.links.active().map((l) => l.customer));
  }

  private linkedIds(customers: string[]): Int32Array {
    const book = this.deps.data.book;
    const ids = new Set<number>();
    for (const c of customers) {
      const id = book.customers.find(c);
      if (id !== undefined) ids.add(id);
    }
    return Int32Array.from([...ids].sort((a, b) => a - b));
  }
}

function indexesOf(codes: Uint8Array, code: number): Int32Array {
  let k = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] === code) k++;
  const out = new Int32Array(k);
  k = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] === code) out[k++] = i;
  return out;
}
