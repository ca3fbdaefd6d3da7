import { appendFileSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import type { NewEntry } from '../../../src/outbound/outbox-store.ts';

const now = new Date('2026-11-27T01:00:00Z');
const entry = (key: string, conversation = 'telegram:1'): NewEntry => ({ key, kind: 'test', conversation, payload: { lang: 'en', blocks: [{ type: 'text', text: key }] }, dueAt: now.toISOString() });
const dir = () => mkdtempSync(join(tmpdir(), 'outbox-'));
const snapshotOf = (s: JournalOutboxStore) => ({ counts: s.counts(), entries: [...s.idsIn('pending'), ...s.idsIn('sent'), ...s.idsIn('failed'), ...s.idsIn('unconfirmed')].sort((a, b) => a - b).map((id) => s.get(id)) });

describe('JournalOutboxStore', () => {
  it('keeps each key once and finds the same state after a restart', async () => {
    const d = dir();
    const s = JournalOutboxStore.open(d, { fsync: false });
    expect(await s.add([entry('a'), entry('b'), entry('a')], now)).toEqual([true, true, false]);
    await s.update(s.byKey('a')!.id, { state: 'sending', attempts: 1 });
    await s.update(s.byKey('a')!.id, { state: 'sent', messageId: 'm1' });
    await s.update(s.byKey('b')!.id, { state: 'pending', retryAt: '2026-11-27T01:01:00Z', reason: 'HTTP 502' });
    await s.update(s.byKey('b')!.id, { state: 'pending', retryAt: undefined });
    const before = snapshotOf(s);
    await s.close();
    const again = JournalOutboxStore.open(d, { fsync: false });
    expect(snapshotOf(again)).toEqual(before);
    expect(again.byKey('b')!.retryAt).toBeUndefined();
    expect(await again.add([entry('a'), entry('c')], now)).toEqual([false, true]);
    expect(again.byKey('c')!.id).toBe(3);
  });

  it('ignores a torn last line and keeps appending whole lines after it', async () => {
    const d = dir();
    const s = JournalOutboxStore.open(d, { fsync: false });
    await s.add([entry('a')], now);
    await s.close();
    appendFileSync(join(d, 'journal.jsonl'), '{"u":1,"p":{"state":"se');
    const again = JournalOutboxStore.open(d, { fsync: false });
    expect(again.byKey('a')!.state).toBe('pending');
    await again.add([entry('b')], now);
    await again.close();
    const lines = readFileSync(join(d, 'journal.jsonl'), 'utf8').trim().split('\n');
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    expect(JournalOutboxStore.open(d).counts().pending).toBe(2);
  });

  it('a whole line that does not parse (damage, not a torn write) is skipped and counted, so the start can say so', async () => {
    const d = dir();
    const s = JournalOutboxStore.open(d, { fsync: false });
    await s.add([entry('a'), entry('b')], now);
    await s.close();
    const lines = readFileSync(join(d, 'journal.jsonl'), 'utf8').split('\n');
    lines[0] = lines[0].slice(0, 10) + '\u0000garbage';
    writeFileSync(join(d, 'journal.jsonl'), lines.join('\n'));
    const again = JournalOutboxStore.open(d, { fsync: false });
    expect(again.unreadableLines).toEqual([1]);
    expect(again.byKey('a')).toBeUndefined();
    expect(again.byKey('b')!.state).toBe('pending');
    await again.close();
    // A torn last line is not damage: nothing is counted.
    appendFileSync(join(d, 'journal.jsonl'), '{"u":2,"p":{"sta');
    expect(JournalOutboxStore.open(d, { fsync: false }).unreadableLines).toEqual([1]);
  });

  it('folds the journal into a whole snapshot, and a replay of the old journal over it is harmless', async () => {
    const d = dir();
    const s = JournalOutboxStore.open(d, { fsync: false, compactAfter: 4 });
    await s.add(Array.from({ length: 5 }, (_, i) => entry(`k${i}`)), now);
    for (let i = 1; i <= 4; i++) await s.update(i, { state: 'sending', attempts: 1 });
    const journalBefore = readFileSync(join(d, 'journal.jsonl'), 'utf8');
    await s.update(5, { state: 'sending', attempts: 1 }); // the 10th line: folded into the snapshot
    expect(readFileSync(join(d, 'journal.jsonl'), 'utf8')).toBe('');
    for (let i = 1; i <= 5; i++) await s.update(i, { state: 'sent', messageId: `m${i}` });
    expect(existsSync(join(d, 'snapshot.json'))).toBe(true);
    const snap = JSON.parse(readFileSync(join(d, 'snapshot.json'), 'utf8'));
    expect(snap.entries).toHaveLength(5);
    const state = snapshotOf(s);
    await s.close();
    // As if the process died between renaming the snapshot and emptying the journal.
    writeFileSync(join(d, 'journal.jsonl'), journalBefore + readFileSync(join(d, 'journal.jsonl'), 'utf8'));
    expect(snapshotOf(JournalOutboxStore.open(d, { fsync: false }))).toEqual(state);
  });

  it('lists entries by state, newest first, with counts', async () => {
    const s = JournalOutboxStore.memory();
    await s.add([entry('a'), entry('b'), entry('c')], now);
    await s.update(1, { state: 'failed', reason: 'x' });
    await s.update(3, { state: 'failed', reason: 'y' });
    expect(s.list('failed', 10).map((e) => e.key)).toEqual(['c', 'a']);
    expect(s.counts()).toEqual({ pending: 1, sending: 0, sent: 0, failed: 2, unconfirmed: 0 });
  });
});
