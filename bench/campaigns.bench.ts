import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/app/compose.ts';
import { JournalOutboxStore } from '../src/outbound/journal-outbox-store.ts';
import { NoticeOutbox } from '../src/outbound/notice-outbox.ts';
import { campaignNotices } from '../src/features/campaigns/campaign-notices.ts';
import type { Notice } from '../src/bot/notices.ts';
import { loadConfig } from '../src/config.ts';
import { buildRun } from '../src/domain/campaigns/campaign-run.ts';
import { dueSteps } from '../src/domain/campaigns/schedule.ts';
import { campaignRules } from '../src/domain/playbook/campaigns.ts';
import { silentLogger } from '../src/domain/log.ts';
import { applyOrders } from '../src/domain/orders/apply-orders.ts';
import type { Order } from '../src/domain/orders/order.ts';
import { fmt, line } from './report.ts';

// Issue 9: building a 100,000-member campaign run — audience, one code per member written
// to disk, one durable outbox entry per member — within 3 s. The reference, measured in the
// same run on the same disk, is queueing 100,000 plain notices with enqueueMany (the engine's
// own path, which the run also goes through).

const MEMBERS = Number(process.env.BENCH_CAMPAIGN_MEMBERS ?? 100_000);

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-campaigns-'));
  try {
    const now = Date.parse('2026-11-27T10:00:00+08:00');
    const clock = { now: () => new Date(now) };
    const app = await openApp(loadConfig({ DATA_DIR: dir, DEMO_STORE: 'off', LOG_LEVEL: 'silent' }), { clock, log: silentLogger });
    const s = app.services;
    const orders: Order[] = [];
    const paidAt = Date.parse('2026-11-20T12:00:00+08:00');
    for (let i = 0; i < MEMBERS; i++) orders.push({ platform: 'bench', orderId: `o${i}`, channel: 'tmall', customer: `M${i}`, createdAt: paidAt, paidAt, status: 'paid', amount: 10_000, refunded: 0, lines: [{ sku: 'S', qty: 1, amount: 10_000 }] });
    await applyOrders(s.data, s.orders, orders);
    const links = await s.docs.open<{ links: Record<string, unknown> }>('members/links', { links: {} });
    for (let i = 0; i < MEMBERS; i++) links.data.links[`wechat:w${i}`] = { user: `wechat:w${i}`, customer: `M${i}`, linkedAt: '2026-11-01T02:00:00.000Z', via: 'order', optedOut: false };
    await links.write();
    const book = await s.books.campaigns();
    const c = await book.create({ coupon: { name: '回购券 满200减30', threshold: 20_000, discount: 3_000, validDays: 14 }, audience: { kind: 'purchased', daysAgo: 7 }, schedule: { kind: 'daily', time: '10:00' }, status: 'active', createdBy: 'bench', createdAt: new Date(now - 3_600_000).toISOString(), conversation: 'console:ops-room', lang: 'zh', runFrom: new Date(now - 3_600_000).toISOString() }, 'bench', new Date(now));

    // The run in two timed halves, both the production path: buildRun (audience, holdout, caps,
    // codes written to disk), then the source's collect, which finds the stored run, and the queueing.
    let t = performance.now();
    const r = (await buildRun(c, dueSteps(c, now, s.calendar)[0], { data: s.data, docs: s.docs, calendar: s.calendar, rules: campaignRules() })).data;
    const codesMs = performance.now() - t;
    t = performance.now();
    // What a tick does (runTick): collect from the source, then enqueueMany.
    const notices = await campaignNotices.collect(new Date(now), s);
    const queued = (await (s.outbox as NoticeOutbox).enqueueMany(notices)).filter(Boolean).length;
    const queueMs = performance.now() - t;
    const buildMs = codesMs + queueMs;

    // Reference: the same number of plain notices into a fresh durable outbox on the same disk.
    const refStore = JournalOutboxStore.open(join(dir, 'ref-outbox'));
    const plain: Notice[] = Array.from({ length: queued }, (_, i) => ({ key: `plain:${i}`, kind: 'bench', target: { conversation: `wechat:dm:w${i}` }, reply: { lang: 'zh', blocks: [{ type: 'text', text: `送您一张券，券码 RB-${i}` }] }, dueAt: new Date(now) }));
    t = performance.now();
    await new NoticeOutbox(refStore, clock).enqueueMany(plain);
    const refMs = performance.now() - t;
    await refStore.close();

    line(`campaign run, ${fmt(MEMBERS, 0)} members in the audience`, `${fmt(buildMs / 1000, 2)} s`, { ok: buildMs <= 3000, text: '≤ 3 s' });
    line('  audience + holdout + caps + codes written', `${fmt(codesMs / 1000, 2)} s`);
    line('  push notices built + enqueueMany', `${fmt(queueMs / 1000, 2)} s`);
    line('  pushes queued (codes stored first)', fmt(queued, 0));
    line('  held out / skipped', `${fmt(r.holdout.length, 0)} / ${fmt(r.skipped.not_linked + r.skipped.opted_out + r.skipped.capped, 0)}`);
    line(`reference: enqueueMany ${fmt(queued, 0)} plain notices`, `${fmt(refMs / 1000, 2)} s`);
    line('campaign run / reference', `${fmt(buildMs / refMs, 2)}×`);
    await s.outboxStore.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
