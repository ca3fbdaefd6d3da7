import { describe, expect, it } from 'vitest';
import { campaignNotices } from '../../../src/features/campaigns/campaign-notices.ts';
import { CampaignBook } from '../../../src/domain/campaigns/campaign-book.ts';
import { runsOf } from '../../../src/domain/campaigns/campaign-run.ts';
import { campaignApp } from './campaign-app.ts';

// After downtime each missed daily run is built once; a run whose pushes never reached the
// outbox (a crash between writing the codes and queueing) is queued on the next tick with the
// same codes under the same keys.

const pushes = (t: Awaited<ReturnType<typeof campaignApp>>) =>
  [...t.app.services.outboxStore.list('sent', 10_000), ...t.app.services.outboxStore.list('pending', 10_000)].filter((e) => e.kind === 'coupon.push');

describe('campaign catch-up', () => {
  it('builds each missed daily run once after downtime, within the monthly cap', async () => {
    const t = await campaignApp();
    await t.say('alice', 'coupon schedule "daily spend 100 get 5 off" to all-linked daily at 10:00');
    await t.say('alice', 'confirm');
    await t.tick('2026-11-27T10:00:00+08:00');
    const first = pushes(t).length;
    expect(first).toBeGreaterThan(0);
    // Down until the 30th at noon: the 28th, 29th and 30th each run once, late.
    const { out } = await t.tick('2026-11-30T12:00:00+08:00');
    const runs = await runsOf(t.app.services.docs, 1);
    expect(runs.map((r) => r.step).sort()).toEqual(['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']);
    expect(pushes(t)).toHaveLength(first * 4);
    expect(out).toMatch(/迟到|late/);
    // A fifth run in November finds everyone at the cap of 4; December starts afresh.
    const book = await CampaignBook.open(t.app.services.docs);
    expect(book.get(1)!.doneSteps).toHaveLength(4);
    await t.tick('2026-12-01T10:00:00+08:00');
    expect(pushes(t)).toHaveLength(first * 5);
    await t.tick('2026-12-01T18:00:00+08:00');
    expect(pushes(t)).toHaveLength(first * 5);
  });

  it('queues a run again, same codes, when its pushes never reached the outbox', async () => {
    const t = await campaignApp();
    await t.say('alice', 'coupon schedule "daily spend 100 get 5 off" to all-linked daily at 10:00');
    await t.say('alice', 'confirm');
    t.setNow('2026-11-27T10:00:00+08:00');
    // The source builds the run and hands back its pushes; the process "dies" before queueing them.
    const lost = await campaignNotices.collect(new Date(t.now()), t.app.services);
    expect(lost.length).toBeGreaterThan(0);
    expect(pushes(t)).toHaveLength(0);
    const { report } = await t.tick('2026-11-27T10:01:00+08:00');
    expect(report.queued).toBe(lost.length);
    const queued = pushes(t);
    expect(queued.map((e) => e.key).sort()).toEqual(lost.map((n) => n.key).sort());
    for (const e of queued) expect(e.payload).toEqual(lost.find((n) => n.key === e.key)!.reply);
    // Seen complete in the outbox: the run is marked queued and nothing more is collected.
    expect(await campaignNotices.collect(new Date(t.now()), t.app.services)).toEqual([]);
    expect((await runsOf(t.app.services.docs, 1))[0].queued).toBe(true);
  });
});
