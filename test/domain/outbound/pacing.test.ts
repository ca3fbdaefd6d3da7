import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../src/outbound/backoff.ts';
import { lateNote } from '../../../src/outbound/late-note.ts';
import { DEFAULT_PACING, isGroup, Pacer, scalePacing } from '../../../src/outbound/pacing.ts';
import { TimeHeap } from '../../../src/outbound/time-heap.ts';

describe('Pacer', () => {
  it('spaces one Slack channel 1/s (with its safety margin) and leaves other channels free', () => {
    const p = new Pacer(DEFAULT_PACING);
    p.record('slack:C1', 0);
    expect(p.waitMs('slack:C1', 0)).toBe(1030);
    expect(p.waitMs('slack:C1', 1030)).toBe(0);
    expect(p.waitMs('slack:C2', 0)).toBe(0);
  });

  it('caps Telegram at 30/s overall and 20/min per group, but not per DM', () => {
    const p = new Pacer(DEFAULT_PACING);
    for (let i = 0; i < 30; i++) p.record(`telegram:${i}`, 0);
    expect(p.waitMs('telegram:99', 10)).toBe(1020);
    const g = new Pacer(DEFAULT_PACING);
    for (let i = 0; i < 20; i++) g.record('telegram:-1001', i * 1100);
    expect(g.waitMs('telegram:-1001', 21_000)).toBe(61_800 - 21_000);
    const dm = new Pacer(DEFAULT_PACING);
    for (let i = 0; i < 20; i++) dm.record('telegram:42', i * 1100);
    expect(dm.waitMs('telegram:42', 22_000)).toBe(0);
  });

  it('keeps WeChat to one per 3 s per conversation and 20/min overall', () => {
    const p = new Pacer(DEFAULT_PACING);
    p.record('wechat:room:R1@chatroom', 0);
    expect(p.waitMs('wechat:room:R1@chatroom', 0)).toBe(3090);
    for (let i = 1; i < 20; i++) p.record(`wechat:dm:wxid_${i}`, 100 * i);
    expect(p.waitMs('wechat:dm:wxid_new', 2000)).toBe(61_800 - 2000);
  });

  it('holds a platform after a 429 until Retry-After has passed', () => {
    const p = new Pacer(DEFAULT_PACING);
    p.holdUntil('telegram:1', 5000, true);
    expect(p.waitMs('telegram:2', 1000)).toBe(4000);
    expect(p.waitMs('telegram:2', 5000)).toBe(0);
  });

  it('spaces from when a send really left, not when it was booked', () => {
    const p = new Pacer(DEFAULT_PACING);
    p.record('slack:C1', 0);
    p.moved('slack:C1', 0, 400);
    expect(p.waitMs('slack:C1', 1030)).toBe(400);
  });

  it('scales every limit for benches, and knows groups from DMs', () => {
    expect(scalePacing(DEFAULT_PACING, 10).telegram[0].count).toBe(300);
    expect(isGroup('telegram:-100123')).toBe(true);
    expect(isGroup('telegram:123')).toBe(false);
    expect(isGroup('slack:dm:U1')).toBe(false);
    expect(isGroup('wechat:room:R1@chatroom')).toBe(true);
  });
});

describe('late note and backoff', () => {
  it('says how late, in the notice language', () => {
    expect(lateNote(2 * 3_600_000 + 5 * 60_000, 'zh')).toBe('（迟到 2小时5分）');
    expect(lateNote(2 * 3_600_000 + 5 * 60_000, 'en')).toBe('(late by 2h 5m)');
    expect(lateNote(26 * 3_600_000, 'en')).toBe('(late by 1d 2h)');
    expect(lateNote(40 * 60_000, 'zh')).toBe('（迟到 40分）');
  });

  it('backs off exponentially up to the cap', () => {
    const policy = { maxAttempts: 5, baseMs: 1000, maxMs: 5000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(policy, a))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('the time heap pops soonest first', () => {
    const h = new TimeHeap<string>();
    for (const [at, v] of [[5, 'e'], [1, 'a'], [3, 'c'], [2, 'b'], [4, 'd']] as const) h.push(at, v);
    const out: string[] = [];
    while (h.size) out.push(h.pop()!.value);
    expect(out.join('')).toBe('abcde');
  });
});
