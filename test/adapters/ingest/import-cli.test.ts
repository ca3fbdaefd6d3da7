import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, tmpFile } from './ingest-helpers.ts';

// The operator's way in: `store-ops-bot import orders FILE` against a real DATA_DIR,
// then `ask --json` reads the imported figure back.

const run = promisify(execFile);
const bin = join(repoRoot, 'bin/store-ops-bot.js');

async function cli(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_STORE: 'off', BOT_NOW: '2026-11-27T10:00:00+08:00', STORE_TIMEZONE: 'Asia/Shanghai', LOG_LEVEL: 'warn' };
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const CSV = [
  'platform,order_id,channel,customer,created_at,paid_at,status,amount,refunded,coupon_code,phone,items',
  'own,C1,tmall,u1,2026-11-20T09:00:00+08:00,2026-11-20T09:00:05+08:00,paid,199.00,0.00,,,SK-1:1:199.00',
  'own,C2,jd,u2,2026-11-20T10:00:00+08:00,2026-11-20T10:00:05+08:00,paid,88.80,0.00,,,SK-2:1:88.80',
  'own,C3,jd,u2,2026-11-20T11:00:00+08:00,,paid,10.00,0.00,,,',
].join('\n');

// Each case spawns the CLI (tsx start-up), which is slow on a busy machine.
describe('store-ops-bot import', { timeout: 90_000 }, () => {
  it('imports a file, reports the bad row by line, and the figure is there for ask', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
    const res = await cli(['import', 'orders', tmpFile('orders.csv', CSV)], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('own order schema (CSV)');
    expect(res.stdout).toContain('2 orders imported (2 new, 0 replaced), 1 bad row');
    expect(res.stdout).toContain('line 4: a paid order needs paid_at');
    const ask = await cli(['ask', 'gmv 2026-11-20', '--json'], dir);
    expect(JSON.parse(ask.stdout)).toMatchObject({ metric: 'gmv', value: 287.8 });
  });

  it('an unknown format or a missing file: one line naming the expected columns, exit code 1, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
    const unknown = await cli(['import', 'orders', tmpFile('x.csv', 'foo,bar\n1,2\n')], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('platform,order_id,channel,customer,created_at,paid_at,status,amount,refunded,coupon_code,phone,items');
    const missing = await cli(['import', 'spend', join(dir, 'nope.csv')], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    expect(existsSync(join(dir, 'orders')) ? readdirSync(join(dir, 'orders')) : []).toEqual([]);
    expect(existsSync(join(dir, 'spend.json'))).toBe(false);
    const usage = await cli(['import', 'customers', 'x.csv'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: store-ops-bot import orders|traffic|spend FILE');
  });
});
