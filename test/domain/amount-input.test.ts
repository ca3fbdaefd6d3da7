import { describe, expect, it } from 'vitest';
import { readAmount } from '../../src/domain/amount-input.ts';

const MAX = 1_000_000_000; // ¥10,000,000 in fen

describe('reading typed money', () => {
  it('reads the forms people type, in signed minor units', () => {
    expect(readAmount('+20,000', 'CNY', MAX)).toEqual({ ok: true, minor: 2_000_000 });
    expect(readAmount('-5000.5', 'CNY', MAX)).toEqual({ ok: true, minor: -500_050 });
    expect(readAmount('1.2345万', 'CNY', MAX)).toEqual({ ok: true, minor: 1_234_500 });
    expect(readAmount('￥99.5元', 'CNY', MAX)).toEqual({ ok: true, minor: 9_950 });
    expect(readAmount('500', 'JPY', MAX)).toEqual({ ok: true, minor: 500 });
  });

  it('refuses exponent notation, too many digits, more decimals than the currency and anything past the limit', () => {
    for (const e of ['1e308', '2E3', '1.5e+2', '+1e5']) expect(readAmount(e, 'CNY', MAX)).toEqual({ ok: false, why: 'exponent' });
    expect(readAmount('99999999999999999999', 'CNY', MAX)).toEqual({ ok: false, why: 'too_large' });
    expect(readAmount('10000000', 'CNY', MAX)).toEqual({ ok: true, minor: MAX });
    expect(readAmount('10000000.01', 'CNY', MAX)).toEqual({ ok: false, why: 'too_large' });
    expect(readAmount('-10000001', 'CNY', MAX)).toEqual({ ok: false, why: 'too_large' });
    expect(readAmount('1001万', 'CNY', MAX)).toEqual({ ok: false, why: 'too_large' });
    expect(readAmount('0.001', 'CNY', MAX)).toEqual({ ok: false, why: 'not_amount' });
    expect(readAmount('abc', 'CNY', MAX)).toEqual({ ok: false, why: 'not_amount' });
    expect(readAmount('Infinity', 'CNY', MAX)).toEqual({ ok: false, why: 'not_amount' });
  });
});
