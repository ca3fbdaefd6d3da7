import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import { LowdbDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { pushKey } from '../../../src/domain/campaigns/campaign-report.ts';
import { runsOf } from '../../../src/domain/campaigns/campaign-run.ts';
import { startStandIn } from '../../adapters/outbound/stand-in-platform.ts';
import { runChild } from '../../support/kill-child.ts';

// A child process building and dispatching a campaign run is killed with SIGKILL at random
// moments and restarted, several times. In the end every pushed member got one code, once:
// the stand-in accepted each member's key exactly once, the outbox holds one entry per member
// carrying the code stored in the run, and no code was issued twice or replaced.

const child = fileURLToPath(new URL('./campaign-kill-child.ts', import.meta.url));
const MEMBERS = 1500;

const run = (env: Record<string, string>, killAfterMs?: number) => runChild(child, { ...env, MEMBERS: String(MEMBERS) }, killAfterMs);

describe('a campaign run under SIGKILL', () => {
  it('gives each member their one code exactly once', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-kill-'));
    const standIn = await startStandIn();
    expect(await run({ MODE: 'seed', DATA_DIR: dir })).toContain('"status":"active"');
    let killed = 0;
    const codesSeen = new Map<string, string>();
    for (const delay of [30, 60, 90, 120, 250, 400, 600, 900]) {
      const out = await run({ MODE: 'run', DATA_DIR: dir, STAND_IN_URL: standIn.url }, delay);
      if (!out.includes('done')) killed++;
      // Once a run is stored, its codes never change across restarts.
      const runs = await runsOf(new LowdbDocStore(dir), 1);
      for (const r of runs) r.customers.forEach((c, i) => {
        expect(codesSeen.get(c) ?? r.codes[i]).toBe(r.codes[i]);
        codesSeen.set(c, r.codes[i]);
      });
    }
    const final = await run({ MODE: 'run', DATA_DIR: dir, STAND_IN_URL: standIn.url });
    expect(final).toContain('done');
    expect(final).toContain('"errors":[]');
    await standIn.close();
    expect(killed).toBeGreaterThanOrEqual(3);

    const runs = await runsOf(new LowdbDocStore(dir), 1);
    expect(runs).toHaveLength(1);
    const r = runs[0];
    expect(r.customers.length + r.holdout.length).toBe(MEMBERS);
    expect(new Set(r.codes).size).toBe(r.customers.length);
    const store = JournalOutboxStore.open(join(dir, 'outbox'));
    const pushes = [...store.list('sent', 10 * MEMBERS), ...store.list('pending', MEMBERS), ...store.list('unconfirmed', MEMBERS), ...store.list('failed', MEMBERS)].filter((e) => e.kind === 'coupon.push');
    expect(pushes).toHaveLength(r.customers.length);
    expect(store.counts()).toMatchObject({ sent: r.customers.length, pending: 0, sending: 0, unconfirmed: 0, failed: 0 });
    r.customers.forEach((c, i) => {
      const e = store.byKey(pushKey(1, r.step, c))!;
      expect((e.payload as { data: { code: string } }).data.code).toBe(r.codes[i]);
      expect(standIn.accepted.get(e.key)).toBe(1);
    });
    expect(standIn.accepted.size).toBe(r.customers.length);
    await store.close();
  });
});
