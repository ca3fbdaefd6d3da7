import { describe, expect, it } from 'vitest';
import { readTerms } from '../../../src/domain/campaigns/coupon-terms.ts';

describe('coupon terms read from the name', () => {
  it('reads 满200减30 and the English form into minor units', () => {
    expect(readTerms('回购券 满200减30')).toEqual({ ok: true, terms: { threshold: 20_000, discount: 3_000 } });
    expect(readTerms('wake-up spend 99.5 get 10 off')).toEqual({ ok: true, terms: { threshold: 9_950, discount: 1_000 } });
    expect(readTerms('满 300 元 减 50')).toEqual({ ok: true, terms: { threshold: 30_000, discount: 5_000 } });
  });

  it('refuses a threshold below the discount, a zero discount and names without terms', () => {
    expect(readTerms('满20减30')).toEqual({ ok: false, why: 'below' });
    expect(readTerms('spend 100 get 0 off')).toEqual({ ok: false, why: 'below' });
    expect(readTerms('回购券')).toEqual({ ok: false, why: 'missing' });
    // Issue 13: a discount must stay below its threshold (满30减30 gave the goods away).
    expect(readTerms('满30减30')).toEqual({ ok: false, why: 'below' });
    expect(readTerms('满30.01减30').ok).toBe(true);
  });

  it('refuses exponent notation and amounts past the limit instead of cutting them', () => {
    expect(readTerms('满1减1e308')).toEqual({ ok: false, why: 'exponent', typed: '1e308' });
    expect(readTerms('spend 2E3 get 30 off')).toEqual({ ok: false, why: 'exponent', typed: '2E3' });
    expect(readTerms('满99999999999999999999减30')).toEqual({ ok: false, why: 'too_large', typed: '99999999999999999999' });
    // The limit is ¥10,000,000 unless the playbook says otherwise; it is inclusive.
    expect(readTerms('满10000000减30').ok).toBe(true);
    expect(readTerms('满10000000.01减30')).toMatchObject({ ok: false, why: 'too_large' });
    expect(readTerms('满500减30', 'CNY', 40_000)).toMatchObject({ ok: false, why: 'too_large', typed: '500' });
    expect(readTerms('满200.555减30')).toMatchObject({ ok: false, why: 'not_amount' });
  });
});
