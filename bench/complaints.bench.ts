import { openApp } from '../src/app/compose.ts';
import { complaintDesk } from '../src/features/complaints/complaint-access.ts';
import { complaintEscalations } from '../src/features/complaints/complaint-notices.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/domain/log.ts';
import { fmt, line, timeRuns } from './report.ts';

// Issue 7: a scheduler tick over many open complaints must stay cheap, since it runs every minute.
// The reference, measured in the same run, is serialising the complaints document once
// (what every write of it costs anyway). Target: a steady tick within 10× that.

const OPEN = Number(process.env.BENCH_COMPLAINTS ?? 2_000);

export async function run(): Promise<void> {
  let now = Date.parse('2026-11-23T10:00:00+08:00');
  const clock = { now: () => new Date(now) };
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', LOG_LEVEL: 'silent' }), { memory: true, clock, log: silentLogger });
  const desk = await complaintDesk(app.services);
  const words = ['瓶子破损漏液', '快递三天没到', '用了过敏', '颜色和图片不一样', '客服态度差', '要去12315投诉'];
  for (let i = 0; i < OPEN; i++) {
    now += 60_000;
    await desk.log({ text: `${words[i % words.length]} 电话13812345678`, user: 'console:a', platform: 'console', conversation: 'console:ops-room', direct: false });
  }
  now += 3 * 3_600_000;
  let t = performance.now();
  const first = await complaintEscalations.collect(new Date(now), app.services);
  for (const n of first) await app.services.outbox.enqueue(n);
  const firstMs = performance.now() - t;
  const tick = await timeRuns(() => complaintEscalations.collect(new Date(now), app.services), 10, 2);
  const ref = await timeRuns(() => JSON.stringify(desk.all), 10, 2);
  const steady = tick[Math.floor(tick.length / 2)];
  const reference = ref[Math.floor(ref.length / 2)];
  line(`catch-up collect, ${fmt(OPEN, 0)} open complaints`, `${fmt(firstMs, 0)} ms`);
  line(`  notices found (warnings + escalations)`, fmt(first.length, 0));
  line(`steady tick collect (median)`, `${fmt(steady, 1)} ms`);
  line(`reference: serialise the document (median)`, `${fmt(reference, 1)} ms`);
  line(`steady tick / reference`, `${fmt(steady / reference, 2)}×`, { ok: steady / reference <= 10, text: '≤ 10×' });
}
