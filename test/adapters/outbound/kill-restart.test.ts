import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import { startStandIn, type StandIn } from './stand-in-platform.ts';
import { runChild } from '../../support/kill-child.ts';

// A child process dispatching 2,000 messages to a loopback stand-in is killed with SIGKILL at
// random moments, 20 times, and restarted each time. In the end each message was accepted exactly
// once; where a kill fell between "sending" and the platform's answer, the entry is confirmed with
// the platform (when the adapter can ask) or reported as unconfirmed, never silently resent.

const child = fileURLToPath(new URL('./kill-child.ts', import.meta.url));
const TOTAL = 2000;
const TRIALS = 20;

const run = (dir: string, url: string, canConfirm: boolean, killAfterMs?: number) =>
  runChild(child, { OUTBOX_DIR: dir, STAND_IN_URL: url, CAN_CONFIRM: canConfirm ? '1' : '0', MESSAGES: String(TOTAL) }, killAfterMs);

/** Every file the store wrote is readable: the snapshot whole, every journal line but a torn last one whole. */
function checkFiles(dir: string) {
  const snap = join(dir, 'snapshot.json');
  if (existsSync(snap)) expect(() => JSON.parse(readFileSync(snap, 'utf8'))).not.toThrow();
  const journal = join(dir, 'journal.jsonl');
  if (!existsSync(journal)) return;
  const text = readFileSync(journal, 'utf8');
  const whole = text.endsWith('\n') || text === '' ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  for (const line of whole.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
}

async function trials(canConfirm: boolean) {
  const standIn: StandIn = await startStandIn();
  const dir = mkdtempSync(join(tmpdir(), 'outbox-kill-'));
  let killed = 0;
  for (let i = 0; i < TRIALS; i++) {
    const out = await run(dir, standIn.url, canConfirm, Math.floor(Math.random() * 200));
    if (!out.includes('done')) killed++;
    checkFiles(dir);
  }
  const final = await run(dir, standIn.url, canConfirm);
  expect(final).toContain('done');
  checkFiles(dir);
  await standIn.close();
  return { standIn, store: JournalOutboxStore.open(dir), killed };
}

describe('outbox under SIGKILL', () => {
  it('every message accepted exactly once, or reported; never sent twice silently', { timeout: 120_000 }, async () => {
    const [withConfirm, without] = await Promise.all([trials(true), trials(false)]);

    // An adapter that can ask the platform: every one of the 2,000 accepted exactly once.
    expect(withConfirm.killed).toBeGreaterThanOrEqual(10);
    expect(withConfirm.store.counts()).toMatchObject({ sent: TOTAL, pending: 0, sending: 0, failed: 0, unconfirmed: 0 });
    expect(withConfirm.standIn.accepted.size).toBe(TOTAL);
    expect([...withConfirm.standIn.accepted.values()].every((n) => n === 1)).toBe(true);
    for (const [key, id] of withConfirm.standIn.messageIds) expect(withConfirm.store.byKey(key)!.messageId).toBe(id);

    // One that cannot: nothing is accepted twice; whatever a kill left uncertain is unconfirmed (reported), not lost.
    const s = without.store;
    expect(s.counts().pending + s.counts().sending + s.counts().failed).toBe(0);
    expect([...without.standIn.accepted.values()].every((n) => n === 1)).toBe(true);
    const unconfirmed = s.list('unconfirmed', TOTAL);
    expect(unconfirmed.length).toBeLessThanOrEqual(8 * without.killed); // at most maxInFlight per kill
    for (let i = 0; i < TOTAL; i++) {
      const e = s.byKey(`msg:${i}`)!;
      if (!without.standIn.accepted.has(e.key)) expect(e.state).toBe('unconfirmed');
      if (e.state === 'sent') expect(without.standIn.accepted.get(e.key)).toBe(1);
    }
    for (const e of unconfirmed) expect(e.reason).toMatch(/interrupted while sending/);
  });
});
