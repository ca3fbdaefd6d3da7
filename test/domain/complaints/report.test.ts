import { describe, expect, it } from 'vitest';
import { complaintReport, percentile } from '../../../src/domain/complaints/report.ts';
import { deskAt, MIN } from './helpers.ts';

describe('complaint report', () => {
  it('nearest-rank median and p90', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([percentile(v, 50), percentile(v, 90)]).toEqual([5, 9]);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('counts by severity and channel, times to answer and resolve, breaches and escalations', async () => {
    const T0 = Date.parse('2026-11-23T10:00:00+08:00'); // Monday
    const { desk, log, at } = await deskAt(new Date(T0).toISOString());
    const a = await log('bottle leaking', { channel: 'tmall' }); // serious (quality)
    const b = await log('parcel is late', { channel: 'jd' }); // normal
    const c = await log('asks about colours', { channel: 'jd' }); // watch
    at(new Date(T0 + 10 * MIN).toISOString());
    await desk.ack(a.id, 'console:alice');
    at(new Date(T0 + 20 * MIN).toISOString());
    await desk.ack(c.id, 'console:alice');
    at(new Date(T0 + 50 * MIN).toISOString()); // b's first response missed at 10:30
    await desk.ack(b.id, 'console:alice');
    await desk.resolve(b.id, 'console:alice', 'sent again');
    await desk.refresh(T0 + 60 * MIN);
    const r = complaintReport(desk.all, T0 - 60 * MIN, T0 + 7 * 24 * 60 * MIN, desk.time);
    expect(r.total).toBe(3);
    expect(r.bySeverity).toEqual({ serious: 1, normal: 1, watch: 1 });
    expect(r.open).toBe(2);
    expect(r.firstResponse).toEqual({ count: 3, median: 20 * MIN, p90: 50 * MIN });
    expect(r.resolution).toEqual({ count: 1, median: 50 * MIN, p90: 50 * MIN });
    expect(r.breaches).toEqual({ firstResponse: 1, resolution: 0 });
    expect(r.escalations).toEqual({ cs_lead: 1, ops_manager: 0, brand_pr: 0 });
    expect(r.byChannel).toEqual([
      { channel: 'jd', count: 2, serious: 0, breached: 1 },
      { channel: 'tmall', count: 1, serious: 1, breached: 0 },
    ]);
    expect(complaintReport(desk.all, T0 + 60 * MIN, T0 + 120 * MIN, desk.time).total).toBe(0);
  });
});
