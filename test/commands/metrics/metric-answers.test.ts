import { describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../src/app/compose.ts';
import { renderText } from '../../../src/chat/text/render-text.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';
import { applyOrders, applySeries } from '../../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import { METRIC_EXAMPLES } from '../../../src/features/metrics/metric-help.ts';
import type { ChartBlock, Reply } from '../../../src/chat/reply.ts';

// Answers through the bot on a small hand-made store: what --json carries, the chart blocks,
// the first line, refusals, and help. Figures are checked against sums written out here.

const NOW = '2026-11-27T14:00:00+08:00';
const at = (iso: string) => Date.parse(iso);
let n = 0;
function order(paid: string, channel: string, amount: number, refunded = 0): Order {
  n++;
  return { platform: 'test', orderId: `o${n}`, channel, customer: `c${n % 5}`, createdAt: at(paid), paidAt: at(paid), status: 'paid', amount, refunded, lines: [{ sku: `SK-${n % 3}`, qty: 1, amount }] };
}

// Nov 24–26: tmall 100/200/300, douyin 50 each day, jd 10 on the 25th, xhs 5 and wechat 7 on the 26th; refunds 20 on the 26th.
const ORDERS = [
  order('2026-11-24T10:00:00+08:00', 'tmall', 10_000), order('2026-11-25T10:00:00+08:00', 'tmall', 20_000), order('2026-11-26T10:00:00+08:00', 'tmall', 30_000, 2_000),
  order('2026-11-24T11:00:00+08:00', 'douyin', 5_000), order('2026-11-25T11:00:00+08:00', 'douyin', 5_000), order('2026-11-26T11:00:00+08:00', 'douyin', 5_000),
  order('2026-11-25T12:00:00+08:00', 'jd', 1_000), order('2026-11-26T12:00:00+08:00', 'xiaohongshu', 500), order('2026-11-26T13:00:00+08:00', 'wechat', 700),
  order('2026-11-19T10:00:00+08:00', 'tmall', 9_000), // a week before the 26th
  order('2025-11-26T10:00:00+08:00', 'tmall', 4_000), // a year before
];

async function app(): Promise<App> {
  const a = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: NOW, LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
  await applyOrders(a.services.data, a.services.orders, ORDERS);
  await applySeries(a.services.data, a.services.orders, 'traffic', [{ day: a.services.calendar.dayOf(at(NOW)), channel: 'pos', value: 0 }]);
  return a;
}
const ask = (a: App, text: string): Promise<Reply> => a.bot.handle({ platform: 'console', conversation: 'console:ops-room', user: 'console:alice', direct: false, text });
const data = (r: Reply) => r.data as Record<string, any>;

describe('metric answers', () => {
  it('a channel filter answers that channel only, says so first, and --json carries it', async () => {
    const a = await app();
    const r = await ask(a, 'douyin gmv yesterday');
    expect(data(r)).toMatchObject({ metric: 'gmv', channel: 'douyin', from: '2026-11-26', to: '2026-11-26', value: 50, previous: 50, compare: 'previous', previousFrom: '2026-11-25' });
    expect(renderText(r).split('\n')[0]).toContain('Douyin');
    expect(renderText(r).split('\n')[0]).toContain('2026-11-26');
  });

  it('refunds are the amount, kept apart from the rate', async () => {
    const a = await app();
    expect(data(await ask(a, '昨天退款多少钱'))).toMatchObject({ metric: 'refunds', value: 20 });
    expect(data(await ask(a, '昨天退款率')).value).toBeCloseTo(2_000 / (30_000 + 5_000 + 500 + 700), 12);
  });

  it('comparisons: same period last year, same day last week, an explicit period', async () => {
    const a = await app();
    expect(data(await ask(a, 'gmv 2026-11-26 tmall yoy'))).toMatchObject({ compare: 'last_year', previousFrom: '2025-11-26', previousTo: '2025-11-26', value: 300, previous: 40 });
    expect(data(await ask(a, '天猫 昨天 GMV 上周同日'))).toMatchObject({ compare: 'last_week_same_day', previousFrom: '2026-11-19', previous: 90 });
    expect(data(await ask(a, 'tmall gmv yesterday vs 2026-11-24 to 2026-11-25'))).toMatchObject({ compare: 'custom', previousFrom: '2026-11-24', previousTo: '2026-11-25', previous: 300 });
    // Said another way, the previous period is still called so.
    expect(data(await ask(a, 'gmv yesterday vs 2026-11-25'))).toMatchObject({ compare: 'previous' });
  });

  it('a trend has a series that adds up to the total, a table with a total row, and a line chart with the comparison', async () => {
    const a = await app();
    const r = await ask(a, 'gmv 2026-11-24 to 2026-11-26 by day');
    const d = data(r);
    expect(d.series).toEqual([
      { from: '2026-11-24', to: '2026-11-24', value: 150 },
      { from: '2026-11-25', to: '2026-11-25', value: 260 },
      { from: '2026-11-26', to: '2026-11-26', value: 362 },
    ]);
    expect(d.series.reduce((s: number, p: { value: number }) => s + p.value, 0)).toBeCloseTo(d.value, 9);
    const chart = r.blocks.find((b): b is ChartBlock => b.type === 'chart')!;
    expect(chart).toMatchObject({ kind: 'line', valueKind: 'money' });
    expect(chart.points.map((p) => p.value)).toEqual([15_000, 26_000, 36_200]);
    expect(chart.compare!.points.map((p) => [p.label, p.value])).toEqual([['11-21', 0], ['11-22', 0], ['11-23', 0]]);
    const text = renderText(r);
    expect(text).toMatch(/Total\s+¥772\.00/);
    // The text answer shows each figure once: the table, not the chart as well.
    expect(text.match(/¥362\.00/g)).toHaveLength(1);
  });

  it('by channel leaves out channels with nothing in either period and draws bars when there are more than three', async () => {
    const a = await app();
    const r = await ask(a, 'gmv yesterday by channel');
    const rows = data(r).rows.map((x: { channel: string }) => x.channel);
    expect(rows).toEqual(['tmall', 'douyin', 'wechat', 'xiaohongshu', 'jd']);
    expect(rows).not.toContain('pos');
    const bar = r.blocks.find((b): b is ChartBlock => b.type === 'chart')!;
    expect(bar.kind).toBe('bar');
    expect(bar.points[0]).toMatchObject({ label: 'Tmall', value: 30_000, change: '+50.0%' });
    const three = await ask(a, 'gmv 2026-11-24 by channel');
    expect(three.blocks.some((b) => b.type === 'chart')).toBe(false);
  });

  it('an unknown word is refused with two examples; --json names it', async () => {
    const a = await app();
    const r = await ask(a, 'gmv banana yesterday');
    expect(data(r)).toMatchObject({ error: 'not_understood', unknown: ['banana'] });
    expect(renderText(r)).toContain('«banana»');
    expect(renderText(r)).toContain('gmv yesterday on douyin');
    const zh = await ask(a, '昨天 香蕉 GMV');
    expect(renderText(zh)).toContain('「香蕉」');
  });

  it('a typo is read, answered, and the answer says how it was read', async () => {
    const a = await app();
    const r = await ask(a, 'gmv yestrday');
    expect(data(r)).toMatchObject({ from: '2026-11-26', guessed: [{ typed: 'yestrday', read: 'yesterday' }] });
    expect(renderText(r)).toContain('read "yestrday" as "yesterday"');
  });

  it('a channel the store does not have is refused with those it has', async () => {
    const a = await app();
    const r = await ask(a, '拼多多 GMV');
    expect(data(r).error).toBe('unknown_channel');
    expect(renderText(r)).toContain('douyin, jd, pos, tmall, wechat, xiaohongshu');
  });

  it('English answers keep their own words half-width', async () => {
    const a = await app();
    for (const q of ['gmv today', 'gmv yestrday by channel', 'gmv this month by day']) {
      const r = await ask(a, q);
      const own = r.blocks.flatMap((b) => (b.type === 'text' || b.type === 'context' ? [b.text] : []));
      expect(own.join('\n'), q).not.toMatch(/[（）]/);
    }
  });

  it('help metrics lists every metric with an example that works, in the asker\'s language', async () => {
    const a = await app();
    const en = await ask(a, 'help metrics');
    const zh = await ask(a, '帮助 经营数据');
    const rows = (r: Reply) => (r.blocks.find((b) => b.type === 'table') as { rows: string[][] }).rows;
    expect(rows(en).length).toBe(14);
    expect(rows(zh).length).toBe(14);
    expect(renderText(zh)).toContain('同比');
    for (const [r, examples] of [[en, rows(en).map((x) => x[2])], [zh, rows(zh).map((x) => x[2])]] as const) {
      expect(r.lang).toBe(r === en ? 'en' : 'zh');
      for (const q of [...examples, ...METRIC_EXAMPLES[r.lang]]) expect(data(await ask(a, q)).error, q).toBeUndefined();
    }
  });
});
