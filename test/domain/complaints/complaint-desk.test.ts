import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../src/domain/complaints/complaint-desk.ts';
import { stepsOf } from '../../../src/domain/complaints/deadlines.ts';
import { deskAt, HOUR, MIN } from './helpers.ts';

const T0 = '2026-11-27T10:00:00+08:00';
const t0 = Date.parse(T0);

const refused = async (p: Promise<unknown>, code: string) => {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeskError);
  expect((err as DeskError).code).toBe(code);
};

describe('working a complaint', () => {
  it('keeps every step in the timeline with who and when, with sequential ids', async () => {
    const { desk, log, later, docs } = await deskAt(T0);
    const first = await log('物流太慢');
    const c = await log('瓶子破损漏液', { order: 'TB20261101-88', customer: '张三', channel: 'taobao' });
    expect([first.id, c.id]).toEqual([1, 2]);
    later(5);
    await desk.ack(c.id, 'console:bob');
    later(5);
    await desk.note(c.id, 'console:bob', '已联系客户');
    later(5);
    await desk.resolve(c.id, 'console:bob', '补发新品');
    expect(c.timeline.map((e) => [e.kind, e.user, (Date.parse(e.at) - t0) / MIN])).toEqual([
      ['logged', 'console:alice', 0],
      ['ack', 'console:bob', 5],
      ['note', 'console:bob', 10],
      ['resolved', 'console:bob', 15],
    ]);
    expect([c.status, c.ackBy, c.resolution, c.deadlines]).toEqual(['resolved', 'console:bob', '补发新品', {}]);
    // Stored: a fresh read of the document sees the same record.
    const stored = (await docs.open<{ items: { id: number; status: string }[] }>('complaints', { items: [] })).data.items;
    expect(stored.find((x) => x.id === 2)?.status).toBe('resolved');
  });

  it('refuses bad steps and changes nothing', async () => {
    const { desk, log } = await deskAt(T0);
    await refused(log('   '), 'empty');
    const c = await log('refund never arrived');
    await refused(desk.ack(99, 'console:bob'), 'unknown');
    await refused(desk.note(c.id, 'console:bob', '  '), 'empty');
    await refused(desk.reopen(c.id, 'console:lee'), 'not_resolved');
    await desk.resolve(c.id, 'console:bob', 'refunded');
    const before = JSON.stringify(desk.all);
    await refused(desk.resolve(c.id, 'console:bob', 'again'), 'resolved');
    await refused(desk.ack(c.id, 'console:bob'), 'resolved');
    await refused(desk.setSeverity(c.id, 'console:lee', 'serious'), 'resolved');
    expect(JSON.stringify(desk.all)).toBe(before);
    expect(desk.all).toHaveLength(1);
  });

  it('two people acknowledging at the same moment: one wins, the other is told', async () => {
    const { desk, log } = await deskAt(T0);
    const c = await log('rude agent');
    const results = await Promise.allSettled([desk.ack(c.id, 'console:bob'), desk.ack(c.id, 'console:carol')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(c.ackBy).toBe('console:bob');
    expect(c.timeline.filter((e) => e.kind === 'ack')).toHaveLength(1);
  });

  it('a cs lead changing severity recalculates the deadlines and says who set it', async () => {
    const { desk, log, later } = await deskAt(T0);
    const c = await log('gift box colour is different');
    expect(c.deadlines.resolution).toBe(new Date(t0 + 24 * HOUR).toISOString());
    later(10);
    await desk.setSeverity(c.id, 'console:lee', 'serious');
    expect([c.severity, c.severityBy]).toEqual(['serious', 'console:lee']);
    expect(c.deadlines.resolution).toBe(new Date(t0 + 4 * HOUR).toISOString());
    await refused(desk.setSeverity(c.id, 'console:lee', 'serious'), 'same_severity');
  });

  it('reopening starts a new resolution clock one level up, and each level still escalates once', async () => {
    const { desk, log, at } = await deskAt(T0);
    const c = await log('allergic rash after use');
    at(new Date(t0 + 40 * MIN).toISOString()); // first response missed → cs_lead
    await desk.resolve(c.id, 'console:bob', 'refunded and apologised');
    expect(c.escalations.map((e) => e.level)).toEqual(['cs_lead']);
    at(new Date(t0 + 2 * HOUR).toISOString());
    await desk.reopen(c.id, 'console:lee', 'rash got worse');
    expect([c.status, c.cycle, c.cycleBase]).toEqual(['open', 2, 1]);
    const steps = stepsOf(c, desk.rules, desk.time);
    expect(steps.map((s) => `${s.kind}:${s.level}:${(s.at - t0) / MIN}`)).toEqual([
      'warn:cs_lead:312', // 2 h + 80 % of 4 h
      'escalate:ops_manager:360',
      'warn:ops_manager:552',
      'escalate:brand_pr:600',
    ]);
    expect(steps[0].key).toBe('complaint:1:c2:warn:resolution:1');
    expect(steps.filter((s) => s.kind === 'escalate').map((s) => s.key)).toEqual(['complaint:1:escalate:ops_manager', 'complaint:1:escalate:brand_pr']);
  });

  it('resolving while waiting closes the pause', async () => {
    const { desk, log, later } = await deskAt(T0);
    const c = await log('delivery late');
    await desk.waiting(c.id, 'console:bob');
    await refused(desk.waiting(c.id, 'console:bob'), 'already_waiting');
    later(30);
    await desk.resolve(c.id, 'console:bob', 'customer confirmed receipt');
    expect(c.pauses).toEqual([{ from: new Date(t0).toISOString(), to: new Date(t0 + 30 * MIN).toISOString() }]);
    expect(c.status).toBe('resolved');
  });
});
