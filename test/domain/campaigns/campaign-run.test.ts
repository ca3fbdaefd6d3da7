import { describe, expect, it } from 'vitest';
import { buildRun, planRun, runsOf } from '../../../src/domain/campaigns/campaign-run.ts';
import { holdoutDraw, inHoldout } from '../../../src/domain/campaigns/codes.ts';
import { dueSteps } from '../../../src/domain/campaigns/schedule.ts';
import { cal, campaign, world } from './campaign-world.ts';

const dueOn = (id: number, dayIso: string, over = {}) => {
  const c = campaign(id, { runFrom: `${dayIso}T00:00:00+08:00`, ...over });
  return { c, due: dueSteps(c, Date.parse(`${dayIso}T10:00:00+08:00`), cal)[0] };
};

describe('a campaign run', () => {
  it('skips members who are not linked or opted out and counts them', async () => {
    const w = await world(10, 6, undefined, { holdoutShare: 0 });
    await w.links.optOut('test:u2', new Date('2026-11-21T00:00:00Z'));
    await w.links.optOut('test:u5', new Date('2026-11-21T00:00:00Z'));
    const { c, due } = dueOn(1, '2026-11-27');
    const run = (await buildRun(c, due, w.inputs)).data;
    expect(run.audience).toBe(10);
    expect(run.skipped).toEqual({ not_linked: 4, opted_out: 2, capped: 0 });
    expect(run.customers).toEqual(['C1', 'C3', 'C4', 'C6']);
    expect(run.users).toEqual(['test:u1', 'test:u3', 'test:u4', 'test:u6']);
  });

  it('gives each pushed member one unique code with the prefix, and builds a run only once', async () => {
    const w = await world(300, 300, undefined, { holdoutShare: 0, codePrefix: 'WK' });
    const { c, due } = dueOn(12, '2026-11-27');
    const first = (await buildRun(c, due, w.inputs)).data;
    expect(first.codes).toHaveLength(300);
    expect(new Set(first.codes).size).toBe(300);
    for (const code of first.codes) expect(code).toMatch(/^WK-[2-9A-HJ-NP-Z]{7,}$/);
    // Built again (a crash before the run was marked queued): the same codes, nothing new.
    const again = (await buildRun(c, due, w.inputs)).data;
    expect(again.codes).toEqual(first.codes);
    expect(await runsOf(w.docs, 12)).toHaveLength(1);
  });

  it('stops at the monthly cap of pushes per member across campaigns', async () => {
    const w = await world(20, 20, undefined, { holdoutShare: 0, monthlyCap: 4 });
    const pushed: number[] = [];
    // Five campaigns to the same audience in November: the fifth finds everyone capped.
    for (let id = 1; id <= 5; id++) {
      const { c, due } = dueOn(id, '2026-11-27');
      const run = (await buildRun(c, due, w.inputs)).data;
      pushed.push(run.customers.length);
      if (id === 5) expect(run.skipped.capped).toBe(20);
    }
    expect(pushed).toEqual([20, 20, 20, 20, 0]);
    // December starts a new count (members who bought on Nov 24 are 7 days ago on Dec 1).
    const dec = await world(20, 20, '2026-11-24T12:00:00+08:00', { holdoutShare: 0, monthlyCap: 1 });
    const nov = dueOn(1, '2026-11-27', { audience: { kind: 'all_linked' } });
    expect((await buildRun(nov.c, nov.due, dec.inputs)).data.customers).toHaveLength(20);
    const d = dueOn(2, '2026-12-01');
    expect((await buildRun(d.c, d.due, dec.inputs)).data.customers).toHaveLength(20);
  });

  it('keeps a deterministic holdout share out of the pushes, recorded for the report', async () => {
    const w = await world(2000, 2000, undefined, { holdoutShare: 0.2 });
    const { c, due } = dueOn(7, '2026-11-27');
    const run = (await buildRun(c, due, w.inputs)).data;
    const expected = Array.from({ length: 2000 }, (_, i) => `C${i + 1}`).filter((n) => holdoutDraw(7, n) < 0.2);
    expect([...run.holdout].sort()).toEqual([...expected].sort());
    expect(run.holdout.length).toBeGreaterThan(2000 * 0.15);
    expect(run.holdout.length).toBeLessThan(2000 * 0.25);
    expect(run.customers.some((n) => inHoldout(7, n, 0.2))).toBe(false);
    expect(run.customers.length + run.holdout.length).toBe(2000);
    // The same members are held out of the same campaign on every run (and the preview agrees).
    const plan = await planRun(c, due.day + 0, w.inputs);
    expect(plan.holdout).toEqual(run.holdout);
  });
});
