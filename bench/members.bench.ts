import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbDocStore } from '../src/adapters/store/lowdb-doc-store.ts';
import { Calendar, parseDay } from '../src/domain/calendar.ts';
import { TierBook } from '../src/domain/members/tiers.ts';
import { evaluateMembers } from '../src/domain/members/member-evaluation.ts';
import { NO_DAY } from '../src/domain/orders/order-book.ts';
import { defaultMemberRules } from '../src/domain/playbook/members.ts';
import { StoreData } from '../src/domain/store-data.ts';
import { fmt, line } from './report.ts';

// Issue 9: tier + RFM evaluation of 1,000,000 customers in ≤ 2 s. The reference, measured in the
// same run, is a plain loop over the same order columns summing net paid spend per customer.

const CUSTOMERS = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const ORDERS_PER = 3;

function buildStore(today: number): StoreData {
  const calendar = new Calendar('Asia/Shanghai');
  const data = new StoreData(calendar);
  const book = data.book;
  const start = calendar.startOf(today - 540);
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  book.reserve(CUSTOMERS * ORDERS_PER, 0);
  for (let c = 0; c < CUSTOMERS; c++) {
    const customer = `c${c}`;
    const n = 1 + Math.floor(rand() * (2 * ORDERS_PER - 1));
    for (let i = 0; i < n; i++) {
      const at = start + Math.floor(rand() * 540) * 86_400_000 + 43_200_000;
      book.upsert({ platform: 'b', orderId: `${c}-${i}`, channel: 'web', customer, createdAt: at, paidAt: at, status: rand() < 0.05 ? 'cancelled' : 'paid', amount: Math.floor(rand() * 400_000), refunded: 0, lines: [] }, 1);
    }
  }
  return data;
}

function reference(data: StoreData): number {
  const book = data.book;
  const sum = new Float64Array(book.customers.size);
  const cust = book.customer.data;
  const amount = book.amount.data;
  const refunded = book.refunded.data;
  const day = book.day.data;
  const status = book.status.data;
  for (let r = 0; r < book.size; r++) if (status[r] === 0 && day[r] !== NO_DAY) sum[cust[r]] += amount[r] - refunded[r];
  return sum[0];
}

export async function run(): Promise<void> {
  const today = parseDay('2026-11-27')!;
  let t = performance.now();
  const data = buildStore(today);
  console.log(`  built ${fmt(data.book.customers.size, 0)} customers, ${fmt(data.book.size, 0)} orders in ${fmt((performance.now() - t) / 1000)} s`);
  const rules = defaultMemberRules();
  const stored = new Uint8Array(data.book.customers.size);
  for (let c = 0; c < stored.length; c += 7) stored[c] = (c % 4) as number;
  const best = (fn: () => unknown, reps = 5) => {
    let min = Infinity;
    for (let i = 0; i < reps; i++) {
      t = performance.now();
      fn();
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };
  const refMs = best(() => reference(data));
  let ev: ReturnType<typeof evaluateMembers> | undefined;
  const evalMs = best(() => (ev = evaluateMembers(data, today, rules, stored, parseDay('2026-07-01'))));
  line('reference: one summing pass over the orders', `${fmt(refMs)} ms`);
  line(`tier + RFM evaluation, ${fmt(CUSTOMERS / 1e6, 1)}M customers`, `${fmt(evalMs)} ms`, { ok: evalMs <= 2000, text: '<= 2000 ms' });
  line('evaluation / reference', `${fmt(evalMs / refMs, 1)}x`);
  console.log(`    plan: ${fmt(ev!.plan.up, 0)} up, ${fmt(ev!.plan.down, 0)} down; F cuts ${ev!.rfm.cuts.f.join('/')}`);

  // What `tiers run` adds around the evaluation: storing every tier on disk, and reading them back.
  const dir = mkdtempSync(join(tmpdir(), 'members-bench-'));
  try {
    const docs = new LowdbDocStore(dir);
    const book = await TierBook.open(docs);
    t = performance.now();
    await book.apply(ev!.plan, data.book, new Date());
    const applyMs = performance.now() - t;
    t = performance.now();
    const codes = (await TierBook.open(new LowdbDocStore(dir))).codes(data.book);
    const readMs = performance.now() - t;
    line(`store ${fmt(ev!.plan.up, 0)} tiers (lowdb, atomic write)`, `${fmt(applyMs)} ms`);
    line('read them back as codes by customer id', `${fmt(readMs)} ms`);
    if (codes.reduce((n, v) => n + (v > 0 ? 1 : 0), 0) !== ev!.plan.byTier.silver.after + ev!.plan.byTier.gold.after + ev!.plan.byTier.black.after) throw new Error('stored tiers do not round-trip');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
