import { spawn } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { duckdbReference } from './duckdb-reference.ts';
import { generateOrdersCsv } from './generate-orders.ts';
import { fmt, line, percentile } from './report.ts';

// Issue 2 item 8: a million-order store imported from the own CSV, started cold
// in a fresh process, and asked two questions through the bot; then DuckDB does
// the same import and questions in this run, as the reference.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GMV_Q = 'GMV today by channel';
const REP_Q = 'repurchase rate last 90 days';

interface ChildAnswer {
  question: string;
  ms: number[];
  handleMs: number[];
  cpuMsPerAnswer: number;
  data: { value?: number; previous?: number; rows?: { channel?: string; value: number | null; previous?: number | null }[] };
  text: string;
}

export async function run(): Promise<void> {
  const total = Number(process.env.BENCH_ORDERS ?? 1_000_000);
  const reps = Number(process.env.BENCH_REPS ?? 2000);
  const out = join(root, 'bench/out');
  const csv = join(out, `orders-${total}.csv`);
  const dataDir = join(out, 'store');
  await mkdir(out, { recursive: true });
  await rm(dataDir, { recursive: true, force: true });
  const now = Math.floor(Date.now() / 1000) * 1000;
  const nowIso = new Date(now).toISOString();

  const cores = availableParallelism();
  const busy = () => loadavg()[0] > cores;
  console.log(`  machine: ${cores} cores, load average ${loadavg()[0].toFixed(1)}${busy() ? ' — BUSY: wall-clock figures below are inflated; CPU-time figures are given beside them' : ''}`);
  let t = performance.now();
  const gen = await generateOrdersCsv(csv, total, now);
  const csvMb = (await stat(csv)).size / 1e6;
  line('generated CSV (own schema)', `${fmt(gen.orders, 0)} orders`);
  console.log(`    ${fmt(gen.customers, 0)} customers, ${gen.firstDay} … now (${nowIso}), ${fmt(csvMb, 1)} MB, ${fmt((performance.now() - t) / 1000)} s`);

  const env = { ...process.env, DATA_DIR: dataDir, BOT_NOW: nowIso, STORE_TIMEZONE: 'Asia/Shanghai', STORE_CURRENCY: 'CNY', LOG_LEVEL: 'silent', DEMO_STORE: 'off' };
  // The import, in a fresh process on an empty store.
  const imp = await runChild<{ ms: number; cpuMs: number; via: string; summary: unknown; data: unknown; maxRssMb: number }>('bench/import-child.ts', [csv], { ...env, BENCH_QUESTION: GMV_Q });
  const importS = imp.ms / 1000;
  const importCpuS = imp.cpuMs / 1000;
  const rate = gen.orders / importS;
  const results: boolean[] = [];
  results.push(line(`import rate (via ${imp.via})`, `${fmt(rate, 0)} orders/s`, { ok: rate >= 200_000, text: '≥ 200,000/s' }));
  console.log(`    ${fmt(importS)} s wall, ${fmt(importCpuS)} s CPU (${fmt(gen.orders / importCpuS, 0)} orders per CPU-second) for ${fmt(gen.orders, 0)} orders`);
  console.log(`    result ${JSON.stringify(imp.summary).slice(0, 300)}`);
  results.push(line('peak RSS, importing process', `${fmt(imp.maxRssMb, 0)} MB`, { ok: imp.maxRssMb <= 400, text: '≤ 400 MB' }));
  const local = { data: imp.data };

  // Cold start and queries in a fresh process on the saved store.
  t = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/serve-child.ts')], {
    cwd: root,
    env: { ...env, BENCH_QUESTIONS: `${GMV_Q}|${REP_Q}`, BENCH_REPS: String(reps) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let coldMs = NaN;
  let coldCpuMs = NaN;
  let serveRss = NaN;
  const answers: ChildAnswer[] = [];
  for await (const l of createInterface({ input: child.stdout })) {
    const msg = JSON.parse(l);
    if (msg.ready) {
      coldMs = performance.now() - t;
      coldCpuMs = msg.cpuMs;
    }
    else if (msg.question) answers.push(msg);
    else if (msg.maxRssMb) serveRss = msg.maxRssMb;
  }
  results.push(line('cold start (spawn → first answer)', `${fmt(coldMs / 1000)} s`, { ok: coldMs <= 3000, text: '≤ 3 s' }));
  console.log(`    child CPU time until ready: ${fmt(coldCpuMs / 1000)} s (node + tsx start, loading ${fmt(gen.orders, 0)} orders, first answer)`);
  const same = JSON.stringify(answers[0]?.data) === JSON.stringify(local.data);
  console.log(`    reloaded store answers '${GMV_Q}' ${same ? 'the same as' : 'DIFFERENTLY from'} the importing process`);
  results.push(same);

  const duck = await duckdbReference(csv, now, Math.max(20, Math.round(reps / 20)));
  for (const a of answers) {
    const ours = { p50: percentile(a.ms, 50), p99: percentile(a.ms, 99) };
    const ref = a.question === GMV_Q ? duck.gmvByChannel.ms : duck.repurchase.ms;
    const theirs = { p50: percentile(ref, 50), p99: percentile(ref, 99) };
    console.log(`  '${a.question}' (${a.ms.length} runs through Bot.handle + render; mean CPU ${fmt(a.cpuMsPerAnswer, 3)} ms per answer)`);
    results.push(line('  p50', `${fmt(ours.p50, 3)} ms`, { ok: ours.p50 <= 5, text: '≤ 5 ms' }));
    results.push(line('  p99', `${fmt(ours.p99, 3)} ms`, { ok: ours.p99 <= 5, text: '≤ 5 ms' }));
    line('  Bot.handle alone (no text rendering) p50 / p99', `${fmt(percentile(a.handleMs, 50), 3)} / ${fmt(percentile(a.handleMs, 99), 3)} ms`);
    line(`  DuckDB p50 / p99 (${ref.length} runs)`, `${fmt(theirs.p50, 2)} / ${fmt(theirs.p99, 2)} ms`);
    results.push(line('  DuckDB / ours, p50', `${fmt(theirs.p50 / ours.p50, 1)}×`, { ok: theirs.p50 / ours.p50 >= 10, text: '≥ 10×' }));
    results.push(line('  DuckDB / ours, p99', `${fmt(theirs.p99 / ours.p99, 1)}×`, { ok: theirs.p99 / ours.p99 >= 10, text: '≥ 10×' }));
  }
  results.push(line(`peak RSS, serving process (${fmt(gen.orders, 0)} orders)`, `${fmt(serveRss, 0)} MB`, { ok: serveRss <= 400, text: '≤ 400 MB' }));
  const duckRate = duck.rows / (duck.importMs / 1000);
  line('DuckDB import (CREATE TABLE AS read_csv)', `${fmt(duckRate, 0)} orders/s`);
  line('ours / DuckDB, import rate', `${fmt(rate / duckRate, 2)}×`);
  console.log(`    cross-check: ${agreement(answers, duck)}`);
  console.log(`  load average at the end: ${loadavg()[0].toFixed(1)} on ${cores} cores`);
  const failed = results.filter((ok) => !ok).length;
  console.log(`  foundation: ${failed === 0 ? 'all targets PASS' : `${failed} FAIL`}`);
  if (failed) process.exitCode = 1;
}

/** Whether the bot's figures equal DuckDB's (to the cent / to 1e-9). */
function agreement(answers: ChildAnswer[], duck: Awaited<ReturnType<typeof duckdbReference>>): string {
  const gmv = answers.find((a) => a.question === GMV_Q);
  const rep = answers.find((a) => a.question === REP_Q);
  const byCh = new Map((gmv?.data.rows ?? []).map((r) => [r.channel, r]));
  const gmvOk = duck.gmvByChannel.rows.every((r) => Math.abs((byCh.get(r.channel)?.value ?? 0) - r.gmv) < 0.005 && Math.abs((byCh.get(r.channel)?.previous ?? 0) - r.prev) < 0.005);
  const repOk = Math.abs((rep?.data.value ?? NaN) - duck.repurchase.value) < 1e-9 && Math.abs((rep?.data.previous ?? NaN) - duck.repurchase.previous) < 1e-9;
  return `GMV by channel ${gmvOk ? 'equal' : 'DIFFERENT'}, repurchase rate ${repOk ? 'equal' : 'DIFFERENT'} (bot ${rep?.data.value} vs DuckDB ${duck.repurchase.value})`;
}

/** Runs a bench helper script in a fresh Node process and returns the JSON it prints. */
async function runChild<T>(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<T> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let last = '';
  for await (const l of createInterface({ input: proc.stdout })) last = l;
  if (!last) throw new Error(`${script} printed nothing`);
  return JSON.parse(last) as T;
}
