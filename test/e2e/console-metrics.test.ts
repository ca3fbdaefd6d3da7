import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/compose.ts';
import { ConsoleAdapter } from '../../src/platforms/console/console-adapter.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/domain/log.ts';
import { applyOrders, applySeries } from '../../src/domain/orders/apply-orders.ts';
import type { Order } from '../../src/domain/orders/order.ts';

// One terminal conversation per language, end to end: typed lines in, rendered answers out.

const NOW = '2026-11-27T10:30:00+08:00';
const at = (iso: string) => Date.parse(iso);

function order(id: string, paid: string, amount: number, extra: Partial<Order> = {}): Order {
  return { platform: 'test', orderId: id, channel: 'tmall', customer: `c-${id}`, createdAt: at(paid), paidAt: at(paid), status: 'paid', amount, refunded: 0, lines: [{ sku: 'SK-1', qty: 1, amount }], ...extra };
}

async function chat(lines: string[]): Promise<string> {
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: NOW, LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
  const { data, orders, calendar } = app.services;
  await applyOrders(data, orders, [
    order('a', '2026-11-27T09:00:00+08:00', 12_345),
    order('b', '2026-11-27T10:29:00+08:00', 20_000, { channel: 'douyin', customer: 'c-a' }),
    order('c', '2026-11-27T11:00:00+08:00', 99_999), // after now: not yet
    order('d', '2026-11-26T10:00:00+08:00', 10_000),
    order('e', '2026-11-26T23:00:00+08:00', 50_000), // yesterday after 10:30: outside the comparison
    order('f', '2026-11-26T08:00:00+08:00', 7_000, { status: 'cancelled' }),
    order('g', '2026-11-27T00:00:00+08:00', 3_000, { refunded: 3_000 }),
  ]);
  await applySeries(data, orders, 'traffic', [{ day: calendar.dayOf(at(NOW)), channel: 'tmall', value: 100 }]);
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += c));
  const adapter = new ConsoleAdapter({ user: 'alice', input, output, prompt: false });
  const done = adapter.start((i) => app.bot.handle(i));
  input.end(lines.join('\n') + '\n');
  await done;
  return out;
}

describe('terminal chat: metric questions', () => {
  it('answers in Chinese with the figure and the comparison cut at the same time yesterday', async () => {
    const out = await chat(['今天GMV多少', '今天 按渠道 GMV', '今天退款率', '今天 天气怎么样']);
    // today until 10:30 = a + b + g = 123.45 + 200.00 + 30.00; yesterday until 10:30 = d = 100.00
    expect(out).toContain('GMV: ¥353.45');
    expect(out).toContain('▲ +253.5%');
    expect(out).toContain('上期 ¥100.00');
    expect(out).toMatch(/抖音\s+¥200\.00/);
    expect(out).toMatch(/天猫\s+¥153\.45/);
    expect(out).toContain('退款率: 8.49%'); // 30.00 / 353.45
    expect(out).toContain('没太明白'); // the weather is not a metric
    expect(out).toContain('今天GMV多少'); // the hint shows working examples
    expect(out).not.toMatch(/Error|at .*\.ts:\d+/);
  });

  it('answers in English, and explains a bad date instead of guessing', async () => {
    // `gmv 2026-02-30` alone carries no language clue (issue 13: BOT_LANG answers it), so the bad date sits in a range.
    const out = await chat(['gmv yesterday', 'orders today', 'gmv 2026-02-30 to 2026-03-01', 'gmv 2026-11-30 to 2026-11-01', 'help']);
    expect(out).toContain('GMV: ¥600.00'); // yesterday d + e; f is cancelled
    expect(out).toContain('Paid orders: 3');
    expect(out).toContain('"2026-02-30" is not a date');
    expect(out).toContain('starts (2026-11-30) after it ends (2026-11-01)');
    expect(out).toContain('Here is what I can do');
  });
});
