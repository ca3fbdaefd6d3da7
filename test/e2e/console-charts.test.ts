import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/platforms/console/console-adapter.ts';
import { makeChartRenderer } from '../../src/adapters/charts/render-chart.ts';
import { openApp } from '../../src/app/compose.ts';
import { briefReply } from '../../src/features/brief/brief-source.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/domain/log.ts';
import { applyOrders } from '../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../src/domain/orders/order.ts';
import { recordingLog } from '../support/recording-log.ts';

// Charts in the terminal chat, end to end: a breakdown past three rows comes with a PNG under
// DATA_DIR/charts and a sparkline; `charts off` stops the pictures for this conversation only.

const NOW = '2026-11-27T10:30:00+08:00';
const CHANNELS = ['tmall', 'douyin', 'jd', 'xiaohongshu', 'wechat'];
const render = makeChartRenderer();

function orders(): Order[] {
  const out: Order[] = [];
  for (let d = 0; d < 28; d++) {
    CHANNELS.forEach((channel, i) => {
      const paid = Date.parse('2026-11-26T12:00:00+08:00') - d * 86_400_000;
      const amount = 10_000 * (i + 1) + d * 100;
      out.push({ platform: 'test', orderId: `${d}-${i}`, channel, customer: `c-${d}-${i}`, createdAt: paid, paidAt: paid, status: 'paid', amount, refunded: 0, lines: [{ sku: 'SK-1', qty: 1, amount }] });
    });
  }
  return out;
}

async function chat(lines: string[], dir: string, log = recordingLog()): Promise<string> {
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: NOW, LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
  await applyOrders(app.services.data, app.services.orders, orders());
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += c));
  const terminal = new ConsoleAdapter({ user: 'alice', input, output, prompt: false, charts: { render, timeZone: 'Asia/Shanghai', log, dir } });
  const done = terminal.start((i) => app.bot.handle(i));
  input.end(lines.join('\n') + '\n');
  await done;
  return out;
}

describe('charts in the terminal chat', () => {
  it('writes a breakdown chart as a PNG under the charts folder and prints its path with a sparkline', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'charts-')), 'charts');
    const out = await chat(['gmv last 7 days by channel'], dir);
    const path = /(\S+\.png)/.exec(out)?.[1];
    expect(path, out).toBeDefined();
    expect(path!.startsWith(dir)).toBe(true);
    const png = PNG.sync.read(readFileSync(path!));
    expect(png.width).toBe(1440);
    expect(out).toMatch(/📈 GMV · last 7 days [^\n]*[▁▂▃▄▅▆▇█]{5}/);
  });

  it('stops pictures after 图表 关闭 in this conversation, says so, and brings them back with charts on', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'charts-')), 'charts');
    const out = await chat(['图表 关闭', '近7天 按渠道 GMV', '图表', 'charts on', 'gmv last 7 days by channel', '图表 关上'], dir);
    expect(out).toContain('本会话不再发送图表图片');
    expect(out).toContain('本会话的图表图片已关闭');
    expect(out).toContain('answers here come with chart pictures again');
    expect(out).toContain('「关上」不是开关：请写「图表 关闭」或「图表 开启」。');
    expect(out.match(/\.png/g)).toHaveLength(1); // only the answer after `charts on`
    expect(out.indexOf('.png')).toBeGreaterThan(out.indexOf('chart pictures again'));
    expect(existsSync(dir)).toBe(true);
  });

  it('leaves answers without charts alone: no file, no charts folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'charts-')), 'charts');
    const out = await chat(['今天GMV', 'help'], dir);
    expect(out).not.toContain('.png');
    expect(existsSync(dir)).toBe(false);
  });

  it('gives the daily brief a 14-day GMV trend with the 14 days before behind it', async () => {
    const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: NOW, LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
    await applyOrders(app.services.data, app.services.orders, orders());
    const yesterday = app.services.calendar.dayOf(Date.parse(NOW)) - 1;
    const reply = await briefReply(app.services, yesterday, 'zh');
    const chart = reply.blocks.find((b) => b.type === 'chart');
    expect(chart).toMatchObject({ kind: 'line', title: 'GMV · 近14天', valueKind: 'money' });
    if (chart?.type !== 'chart') throw new Error('no chart');
    expect(chart.points).toHaveLength(14);
    expect(chart.points.at(-1)).toMatchObject({ label: '11-26', value: 150_000, display: '¥1,500.00' }); // five channels, day 0
    expect(chart.points[0]).toMatchObject({ label: '11-13', value: 150_000 + 5 * 13 * 100 });
    expect(chart.compare!.points[0].label).toBe('10-30');
    expect(chart.compare!.points).toHaveLength(14);
  });
});
