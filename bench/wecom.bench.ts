import { WecomAdapter } from '../src/platforms/wecom/wecom-adapter.ts';
import { toIncoming } from '../src/platforms/wecom/wecom-incoming.ts';
import { generateDemoStore } from '../src/adapters/demo/demo-store.ts';
import { MemoryDocStore } from '../src/adapters/store/lowdb-doc-store.ts';
import { openApp } from '../src/app/compose.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/domain/log.ts';
import { applyOrders } from '../src/domain/orders/apply-orders.ts';
import { textBody, WecomGateway } from '../test/adapters/chat/wecom/wecom-gateway-stand-in.ts';
import { fmt, line, percentile, timeRuns } from './report.ts';

// Issue 18's bench: what the WeCom smart-bot adapter adds to an answer. A group @mention pushed
// by a loopback stand-in of the long-connection gateway, through the official SDK, until the
// streamed answer comes back, against the same question through Bot.handle alone.

export async function run(): Promise<void> {
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: '2026-11-27T10:30:00+08:00', LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
  const { calendar, clock, data, orders } = app.services;
  await applyOrders(data, orders, generateDemoStore({ now: clock.now().getTime(), startOfDay: (d) => calendar.startOf(d), dayOf: (ms) => calendar.dayOf(ms) }).orders);
  const gw = new WecomGateway();
  const adapter = new WecomAdapter({ longConnection: { botId: 'aibSTOREOPS', secret: 'sekret', wsUrl: await gw.listen() }, docs: new MemoryDocStore(), log: silentLogger, timeZone: 'Asia/Shanghai' });
  await adapter.start((i) => app.bot.handle(i));
  const question = 'gmv today by channel';
  const reps = Number(process.env.BENCH_WECOM_REPS ?? 200);
  let id = 1;
  const viaWecom = await timeRuns(async () => {
    const before = gw.sent('aibot_respond_msg').length;
    gw.message(textBody(`bench-${id++}`, question, { group: 'wrBench', user: 'zhangsan' }));
    while (gw.sent('aibot_respond_msg').length <= before) await new Promise((r) => setImmediate(r));
  }, reps);
  const incoming = toIncoming(textBody('bench-0', question, { group: 'wrBench', user: 'zhangsan' }))!;
  const direct = await timeRuns(() => app.bot.handle(incoming), reps);
  await adapter.stop();
  await gw.close();
  const p50 = percentile(viaWecom, 50);
  const p95 = percentile(viaWecom, 95);
  const ref50 = percentile(direct, 50);
  const ref95 = percentile(direct, 95);
  line('answer via SDK + gateway stand-in, p50 / p90 / p95 / p99', `${fmt(p50)} / ${fmt(percentile(viaWecom, 90))} / ${fmt(p95)} / ${fmt(percentile(viaWecom, 99))} ms`);
  line('reference: Bot.handle alone, p50 / p95', `${fmt(ref50)} / ${fmt(ref95)} ms`);
  line('adapter overhead at p95 (p95 − reference p95)', `${fmt(p95 - ref95)} ms`, { ok: p95 - ref95 <= 20, text: '≤ 20 ms' });
  line('p95 ratio to the reference', `${fmt(p95 / ref95, 2)}×`);
}
