import { describe, expect, it } from 'vitest';
import { pace } from '../../../src/domain/targets/pacing.ts';
import type { Target } from '../../../src/domain/targets/target.ts';
import { calendar, newData, order } from '../orders/helpers.ts';

const lines = { kpiRed: 0.8, kpiYellow: 0.9 };
const target = (t: Partial<Target>): Target => ({ month: '2026-11', metric: 'gmv', target: 3_000_000, setBy: 'console:boss', setAt: '2026-11-01T00:00:00Z', ...t });

/** ¥1,000 a day in tmall and ¥500 in jd from Nov 1 to Nov 15, each order by a new customer. */
function november() {
  const data = newData();
  let id = 0;
  for (let d = 1; d <= 15; d++) {
    const paid = `2026-11-${String(d).padStart(2, '0')}T10:00:00+08:00`;
    data.book.upsert(order(String(id++), { channel: 'tmall', customer: `t${d}`, paid, amount: 100_000 }), 1);
    data.book.upsert(order(String(id++), { channel: 'jd', customer: `j${d}`, paid, amount: 50_000 }), 1);
  }
  data.refresh();
  return data;
}

describe('KPI pacing', () => {
  const now = Date.parse('2026-11-16T00:00:00+08:00'); // 15 of 30 days done

  it('pro rata: half the month gone, half the target expected; forecast at the same pace; lights', () => {
    const data = november();
    const onPace = pace(data, target({ target: 4_500_000 }), now, calendar, lines);
    expect(onPace.actual).toBe(2_250_000);
    expect(onPace.expected).toBeCloseTo(2_250_000, 6);
    expect(onPace.forecast).toBeCloseTo(4_500_000, 6);
    expect(onPace.light).toBe('green');
    expect(pace(data, target({ target: 5_300_000 }), now, calendar, lines).light).toBe('yellow'); // 2.25 / 2.65 = 85 %
    const behind = pace(data, target({ target: 6_000_000 }), now, calendar, lines); // 75 % of pace
    expect(behind.light).toBe('red');
    expect(behind.completion).toBeCloseTo(0.75, 6);
    expect(behind.shape).toBe('days');
  });

  it('per channel and per count metric', () => {
    const data = november();
    expect(pace(data, target({ channel: 'jd', target: 1_500_000 }), now, calendar, lines).actual).toBe(750_000);
    expect(pace(data, target({ metric: 'orders', target: 60 }), now, calendar, lines).actual).toBe(30);
    expect(pace(data, target({ metric: 'new_buyers', target: 60 }), now, calendar, lines).actual).toBe(30);
    expect(pace(data, target({ channel: 'nowhere' }), now, calendar, lines).actual).toBe(0);
  });

  it("follows last year's daily shape where the store has the same month last year", () => {
    const data = november();
    // Last November: nothing special but the 11th, which sold as much as the other 29 days together.
    for (let d = 1; d <= 30; d++) data.book.upsert(order(`ly${d}`, { customer: `ly${d}`, paid: `2025-11-${String(d).padStart(2, '0')}T10:00:00+08:00`, amount: d === 11 ? 2_900_000 : 100_000 }), 1);
    data.refresh();
    const before11 = pace(data, target({ target: 5_800_000 }), Date.parse('2026-11-11T00:00:00+08:00'), calendar, lines);
    expect(before11.shape).toBe('last_year');
    expect(before11.expected).toBeCloseTo(5_800_000 * (10 / 58), 3); // 10 ordinary days of 58 shares
  });
});
