import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { Dispatcher } from '../src/outbound/dispatcher.ts';
import { JournalOutboxStore } from '../src/outbound/journal-outbox-store.ts';
import { NoticeOutbox } from '../src/outbound/notice-outbox.ts';
import type { Notice } from '../src/bot/notices.ts';
import { scalePacing, type PacingConfig } from '../src/outbound/pacing.ts';
import { systemClock } from '../src/domain/ports.ts';
import { HttpSender } from '../test/adapters/outbound/http-sender.ts';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmt, line } from './report.ts';

// Issue 3's bench. (1) Dispatch 10,000 messages to a loopback stand-in that enforces Telegram's
// limits (30/s overall, 1/s per chat, 20/min per group), every limit multiplied by
// BENCH_OUTBOUND_SCALE (default 10) on both sides so the run stays short: the achieved rate must
// be within 5% of the overall limit, with zero 429s. (2) A 100,000-entry campaign queued durably
// (journal + fdatasync) in ≤ 3 s, against the reference of rewriting one lowdb document of the same entries.

const TELEGRAM: PacingConfig = {
  telegram: [
    { scope: 'platform', count: 30, perMs: 1000 },
    { scope: 'conversation', count: 1, perMs: 1000 },
    { scope: 'group', count: 20, perMs: 60_000 },
  ],
};

const notice = (i: number, conversation: string): Notice => ({
  key: `campaign:bench:${i}`,
  kind: 'coupon.push',
  target: { conversation },
  reply: { lang: 'zh', blocks: [{ type: 'text', text: `会员专享：满200减30，券码 BENCH${String(i).padStart(6, '0')}` }], summary: `coupon ${i}` },
  dueAt: new Date(),
});

async function dispatchBench(): Promise<boolean> {
  const scale = Number(process.env.BENCH_OUTBOUND_SCALE ?? 10);
  const total = Number(process.env.BENCH_OUTBOUND_MESSAGES ?? 10_000);
  const pacing = scalePacing(TELEGRAM, scale);
  const limit = pacing.telegram[0].count;
  // Enough chats that the overall limit binds: 1/s per chat → at least limit/scale chats; a few are groups.
  const chats = Array.from({ length: Math.ceil((limit / scale) * 4) }, (_, i) => (i % 10 === 0 ? `telegram:-100${i}` : `telegram:${1000 + i}`));
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../test/adapters/outbound/stand-in-main.ts', import.meta.url))], { env: { ...process.env, STAND_IN_LIMITS: JSON.stringify(pacing.telegram) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [url, statsUrl] = await new Promise<string[]>((resolve) => child.stdout.once('data', (c) => resolve(String(c).trim().split(' '))));
  const dir = mkdtempSync(join(tmpdir(), 'bench-outbox-'));
  try {
    const store = JournalOutboxStore.open(dir);
    await new NoticeOutbox(store, systemClock).enqueueMany(Array.from({ length: total }, (_, i) => notice(i, chats[i % chats.length])));
    const dispatcher = new Dispatcher({ store, adapters: { telegram: new HttpSender('telegram', url) }, pacing, maxInFlight: 128 });
    console.log(`  scale ${scale}: Telegram limits ×${scale} = ${limit}/s overall, ${scale}/s per chat, ${20 * scale}/min per group; ${total.toLocaleString()} messages over ${chats.length} chats`);
    const t0 = performance.now();
    const report = await dispatcher.drain();
    const secs = (performance.now() - t0) / 1000;
    const st = (await (await fetch(statsUrl)).json()) as { accepted: number; duplicates: number; tooMany: number; count: number; firstMs: number; lastMs: number };
    const rate = (st.count - 1) / ((st.lastMs - st.firstMs) / 1000);
    const once = st.duplicates === 0 && st.accepted === total && st.count === total;
    let ok = line('messages accepted exactly once', `${st.accepted.toLocaleString()}/${total.toLocaleString()}`, { ok: once, text: 'all' });
    ok = line('achieved rate vs limit', `${fmt(rate, 1)}/s of ${limit}/s (${fmt((rate / limit) * 100, 1)}%)`, { ok: rate >= limit * 0.95 && rate <= limit, text: '95–100%' }) && ok;
    if (st.tooMany) console.log(`  429s by limit: ${JSON.stringify((st as unknown as { tooManyBy: unknown }).tooManyBy)}`);
    ok = line('429 answers from the stand-in', String(st.tooMany), { ok: st.tooMany === 0 && report.rateLimited === 0, text: '0' }) && ok;
    line('wall time', `${fmt(secs, 1)} s`);
    await store.close();
    return ok;
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function enqueueBench(): Promise<boolean> {
  const n = 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'bench-campaign-'));
  try {
    const notices = Array.from({ length: n }, (_, i) => notice(i, `telegram:${i}`));
    const store = JournalOutboxStore.open(join(dir, 'journal'));
    let t = performance.now();
    const added = await new NoticeOutbox(store, systemClock).enqueueMany(notices);
    const journalMs = performance.now() - t;
    await store.close();

    // The same campaign through single enqueue() calls made together (group commit).
    const store2 = JournalOutboxStore.open(join(dir, 'journal2'));
    const outbox2 = new NoticeOutbox(store2, systemClock);
    t = performance.now();
    await Promise.all(notices.map((x) => outbox2.enqueue(x)));
    const singleMs = performance.now() - t;
    await store2.close();

    t = performance.now();
    const reopened = JournalOutboxStore.open(join(dir, 'journal'));
    const loadMs = performance.now() - t;
    const one = reopened.byKey('campaign:bench:0')!.id;
    t = performance.now();
    for (let i = 0; i < 100; i++) await reopened.update(one, { state: i % 2 ? 'pending' : 'sending' });
    const changeMs = (performance.now() - t) / 100;
    await reopened.close();

    // Reference: one lowdb document holding the same entries, rewritten as a whole (what each state change would cost).
    const db = new Low(new DataFile(join(dir, 'outbox.json'), { parse: JSON.parse, stringify: (d) => JSON.stringify(d) }), { entries: reopened.list('pending', n) });
    t = performance.now();
    await db.write();
    const docMs = performance.now() - t;

    let ok = line(`enqueue ${n.toLocaleString()} durably (enqueueMany)`, `${fmt(journalMs / 1000, 2)} s`, { ok: journalMs <= 3000 && added.every(Boolean), text: '≤ 3 s' });
    ok = line(`enqueue ${n.toLocaleString()} as single enqueue() calls`, `${fmt(singleMs / 1000, 2)} s`, { ok: singleMs <= 3000, text: '≤ 3 s' }) && ok;
    line('reopen: load 100,000 entries', `${fmt(loadMs, 0)} ms`);
    line('one state change (journal line + fdatasync)', `${fmt(changeMs, 2)} ms`);
    line('reference: rewrite the lowdb document once', `${fmt(docMs, 0)} ms`);
    line('state change speed-up vs document rewrite', `${fmt(docMs / changeMs, 0)}×`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  // Dispatch first: the 100,000-entry campaign leaves garbage whose collection would stall the pacing.
  const b = await dispatchBench();
  const a = await enqueueBench();
  if (!a || !b) throw new Error('outbound bench missed a target');
}
