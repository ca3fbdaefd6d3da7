import { describe, expect, it } from 'vitest';
import { consoleWorld } from '../../support/console-world.ts';
import { FIRST, calendar, steadyStore } from '../../support/steady-store.ts';

// The Monday weekly report: opt-in per conversation, sent once per week at its time, caught
// up once after downtime, with channels, SKUs, new vs returning and the complaint figures.

const at = (day: number, hhmm: string) => new Date(calendar.startOf(day) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000).toISOString();
const MONDAY = FIRST + 55; // 2026-10-26 is a Monday

describe('weekly marketing report', () => {
  it('goes out on Mondays once, in the language it was asked in, with the week against the week before', async () => {
    const w = await consoleWorld({ start: at(MONDAY - 3, '12:00'), grants: [['console:olivia', 'ops_manager'], ['console:amy', 'cs_agent']] });
    steadyStore(56, {}, 3, w.app.services.data);
    expect((await w.say('bob', 'weekly report on 09:30')).blocks[0]).toMatchObject({ tone: 'warning' });
    await w.say('olivia', 'weekly report on 09:30');
    await w.say('amy', '投诉 订单 T1 瓶子破损漏液');
    expect(await w.tick(at(MONDAY, '09:29'))).not.toContain('weekly marketing report');
    const out = await w.tick(at(MONDAY, '09:31'));
    expect(out.match(/weekly marketing report · 2026-10-19 – 2026-10-25/g)).toHaveLength(1);
    expect(out).toContain('GMV change by channel');
    expect(out).toContain('Top SKUs');
    expect(out).toContain('New vs returning');
    expect(out).toContain('Complaints: 1 (1 serious)');
    expect(await w.tick(at(MONDAY, '10:00'))).not.toContain('weekly marketing report');
    // Down over the next Monday: sent once when back, marked late.
    const late = await w.tick(at(MONDAY + 8, '11:00'));
    expect(late.match(/weekly marketing report · 2026-10-26 – 2026-11-01/g)).toHaveLength(1);
    expect(late).toContain('late by');
  });

  it('shows last week on demand in Chinese', async () => {
    const w = await consoleWorld({ start: at(MONDAY + 2, '12:00') });
    steadyStore(56, {}, 3, w.app.services.data);
    const r = await w.say('bob', '周报');
    expect(JSON.stringify(r.blocks)).toContain('营销效果周报 · 2026-10-19 – 2026-10-25');
    expect(JSON.stringify(r.blocks)).toContain('渠道 GMV 变化');
  });
});
