import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/domain/calendar.ts';
import { consoleWorld } from '../support/console-world.ts';
import { FIRST, calendar, steadyStore } from '../support/steady-store.ts';

// Watching the store through the terminal chat: alerts pushed once to a subscribed room,
// held through quiet hours, acknowledged and muted with the card's choices; "why" in both
// languages; KPI targets with their lights.

const SPIKE = FIRST + 50; // 2026-10-21: a refund spike in JD
const iso = (day: number, hhmm: string) => new Date(calendar.startOf(day) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000).toISOString();

async function world() {
  const w = await consoleWorld({ start: iso(SPIKE, '09:00'), grants: [['console:olivia', 'ops_manager']] });
  steadyStore(56, { refundShare: (d, ch) => (ch === 'jd' && (d === SPIKE || d === SPIKE + 3) ? 0.2 : 0.02) }, 7, w.app.services.data);
  return w;
}

describe('watching the store in the terminal chat', () => {
  it('pushes an alert once to a subscribed room, waits out quiet hours, and acknowledges and mutes from the card', async () => {
    const w = await world();
    expect((await w.say('bob', '预警 开启')).blocks[0]).toMatchObject({ tone: 'warning' }); // needs ops_manager
    await w.say('olivia', '预警 开启');
    const first = await w.tick(iso(SPIKE + 1, '09:00'));
    expect(first).toContain('退款率过高');
    expect(first).toContain('京东');
    expect(first).toContain('为什么');
    expect(first.match(/退款率过高/g)).toHaveLength(1);
    expect(await w.tick(iso(SPIKE + 1, '10:00'))).not.toContain('退款率过高');

    // The second spike's day ends at midnight; at 23:30 the next evening it is found but held for the morning.
    const night = await w.run(iso(SPIKE + 4, '23:30'));
    expect(night.out).not.toContain('退款率过高');
    const morning = await w.tick(iso(SPIKE + 5, '08:01'));
    expect(morning).toContain(`${formatDay(SPIKE + 3)} 退款率`);

    const key = `refund_rate_high:refund_rate:jd:${SPIKE + 3}`;
    const acked = await w.press('bob', 'alert_ack', key);
    expect(acked.replaceOriginal).toBe(true);
    expect(JSON.stringify(acked.blocks)).toContain('bob 已于');
    expect(JSON.stringify(acked.blocks)).not.toContain('alert_ack');
    const list = await w.say('bob', 'alerts');
    expect((list.data as { alerts: unknown[] }).alerts).toBeDefined();

    expect((await w.press('bob', 'alert_mute', `${key} 7`)).blocks[0]).toMatchObject({ tone: 'warning' }); // ops managers mute
    const muted = await w.press('olivia', 'alert_mute', `${key} 7`, 'en');
    expect(JSON.stringify(muted.blocks)).toContain('Muted');
    w.app.services.data.book.upsert({ platform: 'own', orderId: 'late-refund', channel: 'jd', customer: 'z', createdAt: Date.parse(iso(SPIKE + 5, '10:00')), paidAt: Date.parse(iso(SPIKE + 5, '10:00')), status: 'paid', amount: 9_000_000, refunded: 9_000_000, lines: [] }, 2);
    w.app.services.data.refresh();
    const after = await w.tick(iso(SPIKE + 6, '09:00'));
    expect(after).not.toContain(`京东 ${formatDay(SPIKE + 5)} 退款率`); // muted here
    expect(after).toContain('异常波动'); // other rules still speak: a ¥90,000 order is far off JD's baseline
  });

  it('speaks English to a room subscribed in English', async () => {
    const w = await world();
    await w.say('olivia', 'alerts on');
    const out = await w.tick(iso(SPIKE + 1, '09:00'));
    expect(out).toContain('Refund rate above the line');
    expect(out).toContain(`JD's refund rate on ${formatDay(SPIKE)}`);
    expect(out).toContain('Acknowledge');
    expect(out).not.toMatch(/[\u4e00-\u9fff]/);
    const list = await w.say('bob', 'alerts');
    expect(JSON.stringify(list.blocks)).toContain("Today's alerts");
  });

  it('answers why in both languages, with channel drivers that add up to the change', async () => {
    const w = await world();
    w.setNow(iso(SPIKE + 1, '09:00'));
    const zh = await w.say('bob', '为什么昨天GMV下降了');
    expect(zh.lang).toBe('zh');
    expect(JSON.stringify(zh.blocks)).toContain('按渠道');
    const en = await w.say('bob', 'gmv yesterday why');
    expect(en.lang).toBe('en');
    const data = en.data as { value: number; previous: number; drivers: { kind: string; change: number }[] };
    const channels = data.drivers.filter((d) => d.kind === 'channel').reduce((a, d) => a + Math.round(d.change * 100), 0);
    expect(channels).toBe(Math.round(data.value * 100) - Math.round(data.previous * 100));
    expect(JSON.stringify((await w.say('bob', 'why did repurchase rate change')).blocks)).toContain("can't be split");
  });

  it('sets KPI targets and shows their lights', async () => {
    const w = await world();
    w.setNow(iso(FIRST + 45, '12:00')); // 2026-10-16, half of October gone
    expect((await w.say('bob', 'target set 2026-10 gmv 100')).blocks[0]).toMatchObject({ tone: 'warning' });
    await w.say('olivia', 'target set 2026-10 gmv 50000000 douyin 100 orders 1000');
    const kpi = await w.say('bob', 'kpi');
    const targets = (kpi.data as { targets: { metric: string; channel: string | null; light: string }[] }).targets;
    expect(targets.find((t) => t.metric === 'gmv' && t.channel === null)?.light).toBe('red');
    expect(targets.find((t) => t.channel === 'douyin')?.light).toBe('green');
    expect(JSON.stringify((await w.say('bob', '目标完成')).blocks)).toContain('月末预测');
    expect(JSON.stringify((await w.say('olivia', '设定目标 2026-10 GMV 香蕉')).blocks)).toContain('香蕉');
  });
});
