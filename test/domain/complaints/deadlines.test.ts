import { describe, expect, it } from 'vitest';
import { dueSteps, stepsOf } from '../../../src/domain/complaints/deadlines.ts';
import { deskAt, HOUR, MIN } from './helpers.ts';

const T0 = '2026-11-27T10:00:00+08:00';
const t0 = Date.parse(T0);
const plan = (steps: { kind: string; at: number; level: string; key: string }[]) => steps.map((s) => `${s.kind} ${s.level} +${(s.at - t0) / MIN}m ${s.key}`);

describe('complaint clocks by severity', () => {
  it('serious (12315): first response 30 min, resolution 4 h, warnings at 80 %, escalation up to brand/PR', async () => {
    const { desk, log } = await deskAt(T0);
    const c = await log('瓶子破损漏液，客户说要找12315');
    expect(c.severity).toBe('serious');
    expect(c.category).toBe('regulator');
    expect(plan(stepsOf(c, desk.rules, desk.time))).toEqual([
      'warn cs_agent +24m complaint:1:warn:first_response',
      'escalate cs_lead +30m complaint:1:escalate:cs_lead',
      'warn cs_lead +192m complaint:1:warn:resolution:1',
      'escalate ops_manager +240m complaint:1:escalate:ops_manager',
      'warn ops_manager +432m complaint:1:warn:resolution:2',
      'escalate brand_pr +480m complaint:1:escalate:brand_pr',
    ]);
    expect(c.deadlines).toMatchObject({ firstResponse: new Date(t0 + 30 * MIN).toISOString(), resolution: new Date(t0 + 4 * HOUR).toISOString() });
  });

  it('a quality claim gets 48 h to resolve; answered in time, only resolution deadlines escalate', async () => {
    const { desk, log, later } = await deskAt(T0);
    const c = await log('the bottle arrived broken and leaking');
    expect([c.severity, c.category, c.keyword]).toEqual(['serious', 'quality', 'broken']);
    later(10);
    await desk.ack(c.id, 'console:alice');
    expect(plan(stepsOf(c, desk.rules, desk.time))).toEqual([
      'warn cs_agent +2304m complaint:1:warn:resolution:1',
      'escalate cs_lead +2880m complaint:1:escalate:cs_lead',
      'warn cs_lead +5184m complaint:1:warn:resolution:2',
      'escalate ops_manager +5760m complaint:1:escalate:ops_manager',
      'warn ops_manager +8064m complaint:1:warn:resolution:3',
      'escalate brand_pr +8640m complaint:1:escalate:brand_pr',
    ]);
  });

  it('normal (delivery) resolves in 24 h and stops at the ops manager: brand/PR is for serious only', async () => {
    const { desk, log } = await deskAt(T0);
    const c = await log('快递三天没到，客户很着急');
    expect([c.severity, c.category]).toEqual(['normal', 'delivery']);
    const steps = stepsOf(c, desk.rules, desk.time);
    expect(plan(steps)).toEqual([
      'warn cs_agent +24m complaint:1:warn:first_response',
      'escalate cs_lead +30m complaint:1:escalate:cs_lead',
      'warn cs_lead +1152m complaint:1:warn:resolution:1',
      'escalate ops_manager +1440m complaint:1:escalate:ops_manager',
    ]);
    expect(steps.some((s) => s.level === 'brand_pr')).toBe(false);
  });

  it('watch (no keyword) also gets 24 h', async () => {
    const { desk, log } = await deskAt(T0);
    const c = await log('customer asks why the gift box colour changed');
    expect(c.severity).toBe('watch');
    expect(c.deadlines.resolution).toBe(new Date(t0 + 24 * HOUR).toISOString());
    expect(stepsOf(c, desk.rules, desk.time).filter((s) => s.kind === 'escalate').map((s) => s.level)).toEqual(['cs_lead', 'ops_manager']);
  });

  it('each escalation is recorded once, however often the clock is read', async () => {
    const { desk, log, at } = await deskAt(T0);
    const c = await log('过敏了，脸上起疹');
    const keys = new Map<string, number>();
    for (let m = 0; m <= 12 * 60; m += 5) {
      at(new Date(t0 + m * MIN).toISOString());
      await desk.refresh(t0 + m * MIN);
      for (const s of dueSteps(c, desk.rules, desk.time, t0 + m * MIN)) keys.set(s.key, (keys.get(s.key) ?? 0) + 1);
    }
    expect(c.escalations.map((e) => `${e.level}@${e.step}`)).toEqual(['cs_lead@first_response', 'ops_manager@resolution:1', 'brand_pr@resolution:2']);
    expect(c.timeline.filter((e) => e.kind === 'escalated')).toHaveLength(3);
    // The same six keys every time: the outbox keeps each once.
    expect([...keys.keys()]).toHaveLength(6);
  });

  it('catch-up after downtime: every missed step comes back with the time it fell due', async () => {
    const { desk, log } = await deskAt(T0);
    const c = await log('counterfeit, customer says it is fake');
    const back = t0 + 5 * HOUR; // the bot was down from 10:05 to 15:00
    const missed = dueSteps(c, desk.rules, desk.time, back);
    expect(missed.map((s) => [s.kind, s.level, (s.at - t0) / MIN])).toEqual([
      ['warn', 'cs_agent', 24],
      ['escalate', 'cs_lead', 30],
      ['warn', 'cs_lead', 192],
      ['escalate', 'ops_manager', 240],
    ]);
    expect(missed.every((s) => s.at < back)).toBe(true);
  });
});

describe('pause while waiting on the customer', () => {
  it('stops the clocks and any next step resumes them, shifted by the pause', async () => {
    const { desk, log, later, now } = await deskAt(T0);
    const c = await log('退款一直没到账');
    later(10);
    await desk.waiting(c.id, 'console:alice');
    expect(c.status).toBe('waiting');
    expect(c.deadlines).toEqual({}); // stopped: nothing falls due while we wait
    expect(dueSteps(c, desk.rules, desk.time, now() + 48 * HOUR)).toEqual([]);
    later(60);
    await desk.note(c.id, 'console:alice', '客户回复了');
    expect(c.status).toBe('open');
    expect(c.timeline.map((e) => e.kind)).toEqual(['logged', 'waiting', 'resumed', 'note']);
    expect(c.deadlines.firstResponse).toBe(new Date(t0 + 90 * MIN).toISOString());
    expect(c.deadlines.resolution).toBe(new Date(t0 + 25 * HOUR).toISOString());
  });
});

describe('business hours', () => {
  it('count only 09:00–18:00 on weekdays: logged Friday 17:50, the first response is due Monday 09:20', async () => {
    const { desk, log } = await deskAt('2026-11-27T17:50:00+08:00', { businessHours: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] } });
    const c = await log('态度很差，不理人');
    expect(c.deadlines.firstResponse).toBe(new Date('2026-11-30T09:20:00+08:00').toISOString());
    // 24 working hours: 10 min Friday, then 9 h Mon, 9 h Tue, 5 h 50 min Wed.
    expect(c.deadlines.resolution).toBe(new Date('2026-12-02T14:50:00+08:00').toISOString());
    const warn = stepsOf(c, desk.rules, desk.time)[0];
    expect(new Date(warn.at).toISOString()).toBe(new Date('2026-11-30T09:14:00+08:00').toISOString());
  });
});
