import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../src/domain/calendar.ts';
import { NO_DAY, OrderBook } from '../../../src/domain/orders/order-book.ts';
import { Rollups } from '../../../src/domain/orders/rollups.ts';
import { at, calendar, order } from './helpers.ts';

describe('OrderBook', () => {
  it('keeps one row per platform + order id: importing again replaces and never double counts', () => {
    const book = new OrderBook(calendar);
    expect(book.upsert(order('1', { paid: '2026-11-01T10:00:00+08:00', amount: 5000 }), 1)).toBe(false);
    expect(book.upsert(order('1', { platform: 'tmall', paid: '2026-11-01T10:00:00+08:00', amount: 7000 }), 1)).toBe(false);
    expect(book.upsert(order('1', { paid: '2026-11-01T10:00:00+08:00', amount: 5000, refunded: 2000 }), 2)).toBe(true);
    expect(book.size).toBe(2);
    const r = Rollups.build(book);
    const day = calendar.dayOf(at('2026-11-01T10:00:00+08:00'));
    const C = r.channels;
    const k = (day - r.minDay) * C + book.channels.find('tmall')!;
    expect([r.gmv[k], r.refund[k], r.orders[k]]).toEqual([12000, 2000, 2]);
  });

  it('round-trips an order through its columns', () => {
    const book = new OrderBook(calendar);
    const o = order('A:7', { paid: '2026-11-02T23:59:59+08:00', created: '2026-11-02T23:50:00+08:00', customer: 'bob', channel: 'jd', amount: 30000, refunded: 100, couponCode: 'SAVE30', phone: '13800000000', lines: [{ sku: 'X', qty: 2, amount: 20000 }, { sku: 'Y', qty: 1, amount: 10000 }] });
    book.upsert(o, 1);
    expect(book.order(0)).toEqual(o);
    expect(formatDay(book.day.data[0])).toBe('2026-11-02');
  });

  it('an unpaid order has no day and does not count; a cancelled one does not count either', () => {
    const book = new OrderBook(calendar);
    book.upsert(order('u', { created: '2026-11-03T08:00:00+08:00' }), 1);
    book.upsert(order('c', { paid: '2026-11-03T08:00:00+08:00', status: 'cancelled' }), 1);
    expect(book.day.data[0]).toBe(NO_DAY);
    expect([book.counts(0), book.counts(1)]).toEqual([false, false]);
    expect(Rollups.build(book).days).toBe(0);
  });

  it('keeps an order under the month it was paid (store time), else the month it was created', () => {
    const book = new OrderBook(calendar);
    book.upsert(order('p', { created: '2026-10-31T23:00:00+08:00', paid: '2026-11-01T00:00:00+08:00' }), 1);
    book.upsert(order('q', { created: '2026-10-31T23:59:59+08:00' }), 1);
    book.upsert(order('r', { paid: '2026-10-31T16:00:00Z' }), 1);
    expect([book.segmentOf(0), book.segmentOf(1), book.segmentOf(2)]).toEqual(['2026-11', '2026-10', '2026-11']);
  });

  it('an older revision does not overwrite a newer one', () => {
    const book = new OrderBook(calendar);
    book.upsert(order('1', { paid: '2026-11-05T10:00:00+08:00', amount: 9000 }), 5);
    book.upsert(order('1', { paid: '2026-10-05T10:00:00+08:00', amount: 1000 }), 3);
    expect(book.order(0).amount).toBe(9000);
    expect(book.rev.data[0]).toBe(5);
  });
});
