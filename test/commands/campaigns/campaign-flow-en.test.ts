import { describe, expect, it } from 'vitest';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { CampaignBook } from '../../../src/domain/campaigns/campaign-book.ts';
import { campaignApp, LINKED, order, texts } from './campaign-app.ts';

// A community manager schedules a repurchase push in the ops room, confirms it, the engine's
// tick pushes paced DMs with one code each, customers redeem some codes, and the report adds up.

const SCHEDULE = 'coupon schedule "repurchase spend 200 get 30 off" to purchased-7-days-ago daily at 10:00 valid 14 days';
const codeOf = (payload: unknown) => (payload as { data: { code: string } }).data.code;

describe('coupon campaigns in English', () => {
  it('previews, confirms, pushes paced once per member, reads redemptions and reports', async () => {
    const t = await campaignApp();
    const preview = await t.say('alice', SCHEDULE);
    const p = texts(preview);
    expect(p).toContain('Coupon campaign preview: "repurchase spend 200 get 30 off": ¥30.00 off orders of ¥200.00 or more, valid 14 days');
    expect(p).toContain("Audience (today's data): 40");
    expect(p).toContain('Reachable (linked, not opted out): 28');
    expect(p).toContain('Skipped: 10 not linked, 2 opted out, 0 at the monthly cap of 4.');
    const est = preview.data as { pushed: number; holdout: number; estimatedCost: number };
    expect(est.pushed + est.holdout).toBe(28);
    // Estimated cost: pushed × ¥30 × the assumed 15% redemption rate.
    expect(est.estimatedCost).toBe(Math.round(est.pushed * 3_000 * 0.15));
    expect(preview.blocks.find((b) => b.type === 'choices')).toBeDefined();

    // Someone else's confirm does nothing; only alice's does.
    expect(texts(await t.say('bob', 'confirm'))).toContain('You have nothing waiting for confirmation here.');
    expect(texts(await t.say('alice', 'confirm'))).toContain('Campaign #1 "repurchase spend 200 get 30 off"');
    expect((await CampaignBook.open(t.app.services.docs)).get(1)?.status).toBe('active');

    expect((await t.tick('2026-11-27T09:59:00+08:00')).out).not.toContain('console:dm:');
    const { out } = await t.tick('2026-11-27T10:00:00+08:00');
    const store = t.app.services.outboxStore;
    const sent = store.list('sent', 1000).filter((e) => e.kind === 'coupon.push');
    expect(sent).toHaveLength(est.pushed);
    expect(out.match(/📣 bot → console:dm:m\d\d/g)).toHaveLength(est.pushed);
    expect(out).not.toMatch(/console:dm:m(29|30)\b/); // opted out
    const codes = sent.map((e) => codeOf(e.payload));
    expect(new Set(codes).size).toBe(est.pushed);
    for (const c of codes) expect(out).toContain(c);
    // Paced: at most 5 a minute on this terminal, so the last goes out minutes after the first.
    const times = sent.map((e) => Date.parse(e.sentAt!)).sort((a, b) => a - b);
    expect(times.at(-1)! - times[0]).toBeGreaterThanOrEqual(Math.floor((est.pushed - 1) / 5) * 60_000);

    // The next tick the same day pushes nothing again.
    expect((await t.tick('2026-11-27T12:00:00+08:00')).out).not.toContain('console:dm:');

    // Five customers redeem their codes on imported orders (one typed in lower case).
    const redeem = sent.slice(0, 5).map((e, i) => {
      const customer = e.key.split(':')[3];
      return order(customer, `redeem-${i}`, '2026-11-30T15:00:00+08:00', 25_000, i === 0 ? codeOf(e.payload).toLowerCase() : codeOf(e.payload));
    });
    await applyOrders(t.app.services.data, t.app.services.orders, redeem);
    t.setNow('2026-12-01T10:00:00+08:00');
    const report = await t.say('alice', 'campaign report 1');
    const r = texts(report);
    expect(r).toContain(`Sent: ${est.pushed}`);
    expect(r).toContain('Redeemed: 5');
    expect(r).toContain(`Redemption rate: ${((5 / est.pushed) * 100).toFixed(1)}%`);
    expect(r).toContain('GMV of redeeming orders: ¥1,250.00');
    expect(r).toContain('Coupon cost: ¥150.00');
    expect(r).toContain('ROI: 8.33');
    expect(r).toContain('skipped: not linked 10, opted out 2, monthly cap reached 0');
    expect(r).toContain(`Repurchase within the coupon window: pushed ${((5 / est.pushed) * 100).toFixed(1)}% (5/${est.pushed})`);
    expect(LINKED - 2).toBe(est.pushed + est.holdout);

    // A member's card shows the code each campaign pushed and whether an order carried it.
    const redeemer = sent[1].key.split(':')[3];
    const card = await t.say('alice', `member ${redeemer}`);
    expect(card.data).toMatchObject({ pushed: [{ campaign: 1, code: codeOf(sent[1].payload), redeemed: true }] });
    const idle = sent[6].key.split(':')[3];
    expect((await t.say('alice', `member ${idle}`)).data).toMatchObject({ pushed: [{ campaign: 1, redeemed: false }] });
  });

  it('holds a push that falls in quiet hours until 08:00', async () => {
    const t = await campaignApp();
    await t.say('alice', 'coupon schedule "late spend 100 get 10 off" to all-linked on 2026-11-27 23:00');
    await t.say('alice', 'confirm');
    const night = await t.tick('2026-11-27T23:00:00+08:00');
    expect(night.out).not.toContain('console:dm:');
    const pending = t.app.services.outboxStore.list('pending', 100).filter((e) => e.kind === 'coupon.push');
    expect(pending.length).toBeGreaterThan(0);
    for (const e of pending) expect(e.notBefore).toBe(new Date('2026-11-28T08:00:00+08:00').toISOString());
    expect((await t.tick('2026-11-28T07:59:00+08:00')).out).not.toContain('console:dm:');
    const morning = await t.tick('2026-11-28T08:00:00+08:00');
    expect(morning.out.match(/console:dm:/g)).toHaveLength(pending.length);
    expect(texts(await t.say('alice', 'campaign 1'))).toContain('(done)');
  });

  it('needs an ops manager approval in the thread above the configured face value', async () => {
    const t = await campaignApp();
    const preview = texts(await t.say('alice', 'coupon schedule "vip spend 1000 get 500 off" to all-linked daily at 10:00'));
    expect(preview).toContain('an operations manager must approve');
    const saved = await t.say('alice', 'confirm');
    expect(texts(saved)).toContain('awaits an operations manager');
    expect(saved.mentions).toEqual(['console:bob']);
    expect((await t.tick('2026-11-27T10:00:00+08:00')).out).not.toContain('console:dm:');
    expect(texts(await t.say('alice', 'approve 1'))).toContain('Only an operations manager can decide #1');
    t.setNow('2026-11-27T10:30:00+08:00');
    const decided = texts(await t.press('bob', 'approve', '1'));
    expect(decided).toContain('Campaign #1 is launched');
    // Launched at 10:30 on the 27th (after that day's slot): the first run is the 28th.
    expect((await t.tick('2026-11-27T12:00:00+08:00')).out).not.toContain('console:dm:');
    expect((await t.tick('2026-11-28T10:00:00+08:00')).out).toContain('console:dm:');
  });

  it('leaves a rejected campaign unlaunched; pause, resume and cancel', async () => {
    const t = await campaignApp();
    await t.say('alice', 'coupon schedule "vip spend 1000 get 500 off" to all-linked daily at 10:00');
    await t.say('alice', 'confirm');
    await t.say('bob', 'reject 1 too expensive');
    expect(texts(await t.say('alice', 'campaigns'))).toContain('#1 vip spend 1000 get 500 off → all linked members, daily at 10:00 (rejected)');
    await t.say('alice', 'coupon schedule "small spend 100 get 10 off" to all-linked daily at 10:00');
    await t.say('alice', 'confirm');
    expect(texts(await t.say('dave', 'campaign pause 2'))).toMatch(/community/i);
    expect(texts(await t.say('alice', 'campaign pause 2'))).toContain('Campaign #2 is paused');
    expect((await t.tick('2026-11-27T10:00:00+08:00')).out).not.toContain('console:dm:');
    t.setNow('2026-11-27T10:30:00+08:00');
    expect(texts(await t.say('alice', 'campaign resume 2'))).toContain('Campaign #2 is resumed');
    // Resumed after the day's slot: the missed run is not made up; the next day's runs.
    expect((await t.tick('2026-11-27T11:00:00+08:00')).out).not.toContain('console:dm:');
    expect((await t.tick('2026-11-28T10:00:00+08:00')).out).toContain('console:dm:');
    expect(texts(await t.say('alice', 'campaign cancel 2'))).toContain('Campaign #2 is cancelled');
    expect(texts(await t.say('alice', 'campaign resume 2'))).toContain('Campaign #2 is cancelled; it cannot be resumed');
    expect((await t.tick('2026-11-29T10:00:00+08:00')).out).not.toContain('console:dm:');
  });
});
