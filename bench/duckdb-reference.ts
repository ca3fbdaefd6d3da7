import { DuckDBInstance } from '@duckdb/node-api';
import { timeRuns } from './report.ts';

// The reference: the same CSV loaded into a DuckDB table, and the same two
// questions (with their previous periods, as the bot answers them) as SQL.

const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000; // the bench store is Asia/Shanghai
const ts = (ms: number) => `TIMESTAMPTZ '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '+00')}'`;

export interface DuckResult {
  importMs: number;
  rows: number;
  gmvByChannel: { ms: number[]; rows: { channel: string; gmv: number; prev: number }[] };
  repurchase: { ms: number[]; value: number; previous: number };
}

export async function duckdbReference(csv: string, now: number, reps: number): Promise<DuckResult> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const t = performance.now();
  await con.run(`CREATE TABLE orders AS SELECT * FROM read_csv('${csv.replaceAll("'", "''")}')`);
  const importMs = performance.now() - t;
  const rows = Number((await con.runAndReadAll('SELECT count(*) FROM orders')).getRows()[0][0]);

  const todayStart = Math.floor((now + OFFSET) / DAY) * DAY - OFFSET;
  const cut = now - todayStart;
  const gmvSql = `SELECT channel,
      sum(CASE WHEN paid_at >= ${ts(todayStart)} THEN amount ELSE 0 END) AS gmv,
      sum(CASE WHEN paid_at < ${ts(todayStart)} THEN amount ELSE 0 END) AS prev
    FROM orders
    WHERE status IN ('paid', 'cancelled') AND paid_at IS NOT NULL AND ((paid_at >= ${ts(todayStart)} AND paid_at <= ${ts(now)}) OR (paid_at >= ${ts(todayStart - DAY)} AND paid_at <= ${ts(todayStart - DAY + cut)}))
    GROUP BY channel ORDER BY gmv DESC`;
  // Last 90 days cut at now, and the 90 days before cut at the same time of day.
  const from = todayStart - 89 * DAY;
  const prevFrom = from - 90 * DAY;
  const prevTo = todayStart - 90 * DAY + cut;
  const rate = (lo: string, hi: string) =>
    `(SELECT count(*) FILTER (WHERE n >= 2)::DOUBLE / count(*) FROM (SELECT customer, count(*) AS n FROM orders WHERE status IN ('paid', 'cancelled') AND paid_at IS NOT NULL AND paid_at >= ${lo} AND paid_at <= ${hi} GROUP BY customer))`;
  const repSql = `SELECT ${rate(ts(from), ts(now))} AS value, ${rate(ts(prevFrom), ts(prevTo))} AS previous`;

  const gmvStmt = await con.prepare(gmvSql);
  const repStmt = await con.prepare(repSql);
  const gmvRows = (await gmvStmt.runAndReadAll()).getRows().map((r) => ({ channel: String(r[0]), gmv: Number(r[1]), prev: Number(r[2]) }));
  const rep = (await repStmt.runAndReadAll()).getRows()[0];
  const gmvMs = await timeRuns(async () => (await gmvStmt.runAndReadAll()).getRows(), reps);
  const repMs = await timeRuns(async () => (await repStmt.runAndReadAll()).getRows(), reps);
  con.closeSync();
  db.closeSync();
  return { importMs, rows, gmvByChannel: { ms: gmvMs, rows: gmvRows }, repurchase: { ms: repMs, value: Number(rep[0]), previous: Number(rep[1]) } };
}
