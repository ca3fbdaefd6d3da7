import { evaluateAlerts } from '../src/domain/alerts/evaluate.ts';
import { Calendar } from '../src/domain/calendar.ts';
import { explainChange } from '../src/domain/insights/drivers.ts';
import { alertRules } from '../src/domain/playbook/alerts.ts';
import { StoreData } from '../src/domain/store-data.ts';
import { fmt, line, percentile, timeRuns } from './report.ts';

// Issue 17: evaluating every alert rule (ROI, refund rate, conversion vs baseline, anomalies on six
// metrics, store-wide and in 5 channels) over a 1,000,000-order store with 200 SKUs in ≤ 50 ms a
// tick, plus the why-it-moved split each alert carries. The reference, in the same run, is one
// pass over the evaluated day's orders summing GMV, refunds and orders per channel.

const ORDERS = Number(process.env.BENCH_ALERT_ORDERS ?? 1_000_000);
const DAYS = Number(process.env.BENCH_ALERT_DAYS ?? 150);
const CHANNELS = ['tmall', 'jd', 'douyin', 'xiaohongshu', 'wechat'];

function buildStore(): { data: StoreData; yesterday: number } {
  const calendar = new Calendar('Asia/Shanghai');
  const data = new StoreData(calendar);
  const today = calendar.dayOf(Date.parse('2026-11-27T10:00:00+08:00'));
  const first = today - DAYS;
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  data.book.reserve(ORDERS, ORDERS);
  for (let i = 0; i < ORDERS; i++) {
    const day = first + Math.floor(rand() * DAYS);
    const at = calendar.startOf(day) + Math.floor(rand() * 86_000_000);
    const amount = 5_000 + Math.floor(rand() * 50_000);
    const channel = CHANNELS[Math.floor(rand() * CHANNELS.length)];
    data.book.upsert({ platform: 'b', orderId: String(i), channel, customer: `c${Math.floor(rand() * 300_000)}`, createdAt: at, paidAt: at, status: 'paid', amount, refunded: rand() < 0.03 ? amount : 0, lines: [{ sku: `SKU-${Math.floor(rand() * 200)}`, qty: 1, amount }] }, 1);
  }
  for (let d = first; d < today; d++)
    for (const ch of CHANNELS) {
      data.traffic.set(d, ch, 20_000 + Math.floor(rand() * 2_000));
      data.spend.set(d, ch, 40_000_000 + Math.floor(rand() * 4_000_000));
    }
  data.refresh();
  return { data, yesterday: today - 1 };
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  const { data, yesterday } = buildStore();
  console.log(`  store: ${fmt(data.book.size, 0)} orders, ${CHANNELS.length} channels, 200 SKUs, built in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  const rules = alertRules();
  const tick = () => {
    const alerts = evaluateAlerts(data, yesterday, rules);
    for (const a of alerts) explainChange(data, a.metric === 'roi' ? 'gmv' : (a.metric as 'gmv'), { kind: 'range', from: a.day, to: a.day }, { kind: 'range', from: a.day - 7, to: a.day - 7 }, a.channel);
    return alerts.length;
  };
  const reference = () => {
    const r = data.rollups;
    const [start, end] = r.positions({ kind: 'range', from: yesterday, to: yesterday });
    const gmv = new Float64Array(8), refund = new Float64Array(8), orders = new Float64Array(8);
    const ch = data.book.channel.data, amount = data.book.amount.data, refunded = data.book.refunded.data;
    for (let i = start; i < end; i++) {
      const row = r.byDay[i];
      gmv[ch[row]] += amount[row];
      refund[ch[row]] += refunded[row];
      orders[ch[row]] += 1;
    }
    return gmv[0] + refund[0] + orders[0];
  };
  const ticks = await timeRuns(tick, 30, 3);
  const refs = await timeRuns(reference, 30, 3);
  const p95 = percentile(ticks, 95);
  line('alert tick (every rule + why), p50', `${fmt(percentile(ticks, 50))} ms`);
  line('alert tick (every rule + why), p95', `${fmt(p95)} ms`, { ok: p95 <= 50, text: '<= 50 ms' });
  line("reference: one pass over the day's orders, p50", `${fmt(percentile(refs, 50), 3)} ms`);
  line('ratio tick / reference (p50)', `${fmt(percentile(ticks, 50) / percentile(refs, 50), 1)}×`);
  line('alerts raised on the generated store', String(tick()));
}
