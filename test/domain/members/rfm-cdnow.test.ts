import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../src/domain/calendar.ts';
import { computeMemberStats } from '../../../src/domain/members/member-stats.ts';
import { scoreRfm, SEGMENTS, segmentSizes } from '../../../src/domain/members/rfm.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { memberRulesSchema } from '../../../src/domain/playbook/members.ts';
import { dataset } from '../../support/datasets.ts';
import { storeWith } from './member-store.ts';

// The CDNOW sample (Fader & Hardie): 6,919 purchases of 2,357 customers, 1997-01 to 1998-06.
// Loaded through applyOrders, scored by the domain, and checked against a plain computation
// written here from the rules as the README states them.

const file = dataset('cdnow/CDNOW_sample.txt');
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const [customer, , date, , dollars] = l.trim().split(/\s+/);
    return { customer, date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, cents: Math.round(Number(dollars) * 100) };
  });

const TODAY = '1998-07-01';
// Half a year window so that some buyers fall outside it (they score F = M = 1).
const rules = memberRulesSchema.parse({ rfm: { windowDays: 180 } });
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The README's definitions, computed per customer with plain objects. */
function independent() {
  const byCustomer = new Map<string, { first: string; last: string; orders: number; spend: number }>();
  for (const r of rows) {
    const c = byCustomer.get(r.customer) ?? { first: r.date, last: r.date, orders: 0, spend: 0 };
    if (r.date < c.first) c.first = r.date;
    if (r.date > c.last) c.last = r.date;
    const age = daysBetween(r.date, TODAY);
    if (age < rules.rfm.windowDays) {
      c.orders++;
      c.spend += r.cents;
    }
    byCustomer.set(r.customer, c);
  }
  const quintiles = (values: number[]) => {
    const s = values.filter((v) => v > 0).sort((a, b) => a - b);
    return [0.2, 0.4, 0.6, 0.8].map((q) => s[Math.ceil(q * s.length) - 1]);
  };
  const fCuts = quintiles([...byCustomer.values()].map((c) => c.orders));
  const mCuts = quintiles([...byCustomer.values()].map((c) => c.spend));
  const score = (v: number, cuts: number[]) => (v <= 0 ? 1 : 1 + cuts.filter((cut) => v > cut).length);
  const out = new Map<string, { r: number; f: number; m: number; segment: string }>();
  for (const [id, c] of byCustomer) {
    const since = daysBetween(c.last, TODAY);
    const r = since <= 30 ? 5 : since <= 60 ? 4 : since <= 90 ? 3 : since <= 180 ? 2 : 1;
    const f = score(c.orders, fCuts);
    const m = score(c.spend, mCuts);
    let segment: string;
    if (daysBetween(c.first, TODAY) < 30) segment = 'new';
    else if (m >= 4) segment = since < 90 ? 'high_value_active' : 'high_value_dormant';
    else if (since >= 90) segment = 'sleeping';
    else segment = m <= 2 ? 'low_value_active' : 'regular';
    out.set(id, { r, f, m, segment });
  }
  return { out, fCuts, mCuts };
}

describe('RFM on the CDNOW sample', async () => {
  const orders: Order[] = rows.map((r, i) => {
    const at = Date.parse(`${r.date}T12:00:00+08:00`);
    return { platform: 'cdnow', orderId: String(i + 1), channel: 'mail', customer: r.customer, createdAt: at, paidAt: at, status: 'paid', amount: r.cents, refunded: 0, lines: [] };
  });
  const { data } = await storeWith(orders);
  const stats = computeMemberStats(data, parseDay(TODAY)!, { spendDays: rules.spendDays, rfmDays: rules.rfm.windowDays });
  const rfm = scoreRfm(stats, rules.rfm);
  const expected = independent();

  it('loads every purchase and customer', () => {
    expect(data.book.size).toBe(6919);
    expect(data.book.customers.size).toBe(expected.out.size);
  });

  it('uses the same quintile cuts', () => {
    expect(rfm.cuts.f).toEqual(expected.fCuts);
    expect(rfm.cuts.m).toEqual(expected.mCuts);
  });

  it('gives every customer the same R, F, M scores and segment', () => {
    const names = data.book.customers.names;
    const mismatches: string[] = [];
    for (let c = 0; c < names.length; c++) {
      const e = expected.out.get(names[c])!;
      const got = { r: rfm.r[c], f: rfm.f[c], m: rfm.m[c], segment: SEGMENTS[rfm.segment[c]] };
      if (JSON.stringify(got) !== JSON.stringify(e)) mismatches.push(`${names[c]}: ${JSON.stringify(got)} vs ${JSON.stringify(e)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('has the same segment counts, and every score 1–5 in use for R and M', () => {
    const sizes = segmentSizes(rfm, stats);
    const counts: Record<string, number> = {};
    for (const e of expected.out.values()) counts[e.segment] = (counts[e.segment] ?? 0) + 1;
    for (const s of SEGMENTS) expect(sizes[s].customers, s).toBe(counts[s] ?? 0);
    for (const score of [1, 2, 3, 4, 5]) {
      expect(rfm.r.includes(score), `R=${score}`).toBe(true);
      expect(rfm.m.includes(score), `M=${score}`).toBe(true);
    }
    // Most CDNOW buyers bought early in 1997 and never came back.
    expect(sizes.sleeping.customers + sizes.high_value_dormant.customers).toBeGreaterThan(data.book.customers.size / 2);
  });
});
