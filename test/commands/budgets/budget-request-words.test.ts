import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src/features/budgets/amount.ts';
import { readRequest } from '../../../src/features/budgets/budget-request-command.ts';
import { BotError } from '../../../src/bot/errors.ts';

describe('budget request words', () => {
  it('reads amounts as typed in chat, in minor units', () => {
    expect(parseAmount('+20000', 'CNY')).toBe(2_000_000);
    expect(parseAmount('-5,000.5', 'CNY')).toBe(-500_050);
    expect(parseAmount('2万', 'CNY')).toBe(2_000_000);
    expect(parseAmount('20k', 'CNY')).toBe(2_000_000);
    expect(parseAmount('¥300元', 'CNY')).toBe(30_000);
    expect(parseAmount('abc', 'CNY')).toBeUndefined();
    expect(parseAmount('20000x', 'CNY')).toBeUndefined();
  });

  it('reads increases, decreases and moves in both languages', () => {
    expect(readRequest('douyin +20000 for Double 11 live streams', 'CNY')).toEqual({ month: undefined, kind: 'increase', channel: 'douyin', amount: 2_000_000, reason: 'Double 11 live streams' });
    expect(readRequest('抖音 预算 +2万 双11直播', 'CNY')).toMatchObject({ kind: 'increase', channel: 'douyin', amount: 2_000_000, reason: '双11直播' });
    expect(readRequest('2026-12 jd -5000', 'CNY')).toEqual({ month: '2026-12', kind: 'decrease', channel: 'jd', amount: 500_000, reason: undefined });
    expect(readRequest('move 5000 from jd to douyin for lives', 'CNY')).toEqual({ month: undefined, kind: 'move', from: 'jd', channel: 'douyin', amount: 500_000, reason: 'lives' });
    expect(readRequest('调拨 5000 从 京东 到 小红书', 'CNY')).toMatchObject({ kind: 'move', from: 'jd', channel: 'xiaohongshu' });
  });

  it('names what is wrong', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof BotError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => readRequest('mars +100', 'CNY'))).toBe('unknown_channel');
    expect(code(() => readRequest('douyin lots', 'CNY'))).toBe('bad_amount');
    expect(code(() => readRequest('douyin', 'CNY'))).toBe('bad_amount');
    expect(code(() => readRequest('move 100 from jd to jd', 'CNY'))).toBe('same_channel');
    expect(code(() => readRequest('move -100 from jd to douyin', 'CNY'))).toBe('bad_amount');
  });
});
