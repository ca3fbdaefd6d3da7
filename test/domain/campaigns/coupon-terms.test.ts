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
    // Equal threshold and discount is a free item up to that value: allowed.
    expect(readTerms('满30减30').ok).toBe(true);
  });
});
