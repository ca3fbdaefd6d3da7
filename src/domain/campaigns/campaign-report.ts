import type { StoreData } from '../store-data.ts';
import type { Campaign } from './campaign.ts';
import type { CampaignRun, SkipReason } from './campaign-run.ts';

// What a campaign earned: delivery from the outbox, redemptions from imported orders whose
// coupon code is one of the campaign's codes (the order book's coupon column), and the
// repurchase rate of pushed members against the holdout, each within its run's validity window.

export interface CampaignFigures {
  audience: number;
  issued: number;
  sent: number;
  queued: number;
  failed: number;
  skipped: Record<SkipReason, number>;
  holdout: number;
  redeemed: number;
  /** redeemed / sent, 0 when nothing was sent. */
  redemptionRate: number;
  /** Paid amount net of refunds of the redeeming orders (minor units). */
  gmv: number;
  /** redeemed × discount. */
  cost: number;
  /** gmv / cost, null when nothing was redeemed. */
  roi: number | null;
  pushedRepurchase: { members: number; bought: number; rate: number };
  holdoutRepurchase: { members: number; bought: number; rate: number };
}

export const pushKey = (campaign: number, step: string, customer: string) => `coupon:${campaign}:${step}:${customer}`;

const DAY = 86_400_000;

/** What the report needs of the outbox: where each push stands, by its idempotency key. */
export interface PushLookup {
  byKey(key: string): { state: 'pending' | 'sending' | 'sent' | 'failed' | 'unconfirmed' } | undefined;
}

export function campaignFigures(c: Campaign, runs: CampaignRun[], data: StoreData, outbox: PushLookup, now: number): CampaignFigures {
  const book = data.book;
  const skipped: Record<SkipReason, number> = { not_linked: 0, opted_out: 0, capped: 0 };
  let audience = 0, issued = 0, sent = 0, queued = 0, failed = 0, holdout = 0;
  // Interned coupon id → 1 when it is one of this campaign's codes.
  const ours = new Uint8Array(book.coupons.size);
  // Windows per customer id: [start, end, group (0 pushed, 1 holdout), pair index].
  const windows = new Map<number, [number, number, number, number][]>();
  const pairs: number[] = [];
  const addWindow = (customer: string, start: number, group: number) => {
    const id = book.customers.find(customer);
    pairs.push(group);
    if (id === undefined) return;
    const list = windows.get(id) ?? [];
    list.push([start, Math.min(now, start + c.coupon.validDays * DAY), group, pairs.length - 1]);
    windows.set(id, list);
  };
  for (const r of runs) {
    audience += r.audience;
    issued += r.codes.length;
    holdout += r.holdout.length;
    for (const k of Object.keys(skipped) as SkipReason[]) skipped[k] += r.skipped[k] ?? 0;
    const start = Date.parse(r.at);
    for (let i = 0; i < r.codes.length; i++) {
      const state = outbox.byKey(pushKey(c.id, r.step, r.customers[i]))?.state;
      if (state === 'sent') sent++;
      else if (state === 'failed' || state === 'unconfirmed') failed++;
      else queued++;
      const cid = book.coupons.find(r.codes[i]);
      if (cid !== undefined) ours[cid] = 1;
      addWindow(r.customers[i], start, 0);
    }
    for (const h of r.holdout) addWindow(h, start, 1);
  }
  const usedCode = new Uint8Array(book.coupons.size);
  const bought = new Uint8Array(pairs.length);
  let redeemed = 0, gmv = 0;
  const { coupon, status, paid, customer, amount, refunded } = book;
  for (let row = 0; row < book.size; row++) {
    if (status.data[row] !== 0) continue;
    const code = coupon.data[row];
    if (code >= 0 && ours[code] === 1) {
      if (usedCode[code] === 0) redeemed++;
      usedCode[code] = 1;
      gmv += amount.data[row] - refunded.data[row];
    }
    const w = windows.get(customer.data[row]);
    if (w) {
      const t = paid.data[row];
      for (const [s, e, , p] of w) if (t >= s && t <= e) bought[p] = 1;
    }
  }
  const group = (g: number) => {
    let members = 0, yes = 0;
    for (let p = 0; p < pairs.length; p++) if (pairs[p] === g) {
      members++;
      yes += bought[p];
    }
    return { members, bought: yes, rate: members ? yes / members : 0 };
  };
  const cost = redeemed * c.coupon.discount;
  return {
    audience, issued, sent, queued, failed, skipped, holdout, redeemed,
    redemptionRate: sent ? redeemed / sent : 0,
    gmv, cost, roi: cost ? gmv / cost : null,
    pushedRepurchase: group(0), holdoutRepurchase: group(1),
  };
}
