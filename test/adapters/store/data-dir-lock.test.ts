import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// One process per DATA_DIR: a cron `tick` beside a running bot would dispatch the same
// outbox entries twice. The second process is refused with one line — except `import`,
// which hands the file to the running bot; a crashed holder does not block the next start.

const run = promisify(execFile);
const bin = join(process.cwd(), 'bin/store-ops-bot.js');

describe('DATA_DIR lock', () => {
  it('refuses a second process while the bot runs, imports through it, and frees the folder when it dies', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const env = { ...process.env, DATA_DIR: dir, DEMO_STORE: 'off', LOG_LEVEL: 'silent', BOT_NOW: '2026-11-27T10:00:00+08:00' };
    const bot = spawn('node', [bin, 'start', '--as', 'alice'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    bot.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const seen = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const t = setInterval(() => out.includes(text) && (clearInterval(t), resolve()), 50);
        bot.once('exit', (code) => (clearInterval(t), reject(new Error(`bot exited (${code}) before "${text}"`))));
      });
    await seen('Terminal chat as');

    for (const args of [['tick'], ['ask', 'gmv today'], ['demo', 'reset']]) {
      const err = await run('node', [bin, ...args], { env }).catch((e) => e);
      expect(err.code, args.join(' ')).toBe(1);
      expect(err.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`in use by another store-ops-bot \\(pid ${bot.pid}: start --as alice\\)`))]);
    }

    // An import beside the running bot goes through it, and its answers change at once.
    const csv = join(dir, '..', `orders-${process.pid}.csv`);
    writeFileSync(csv, 'platform,order_id,channel,customer,created_at,paid_at,status,amount,refunded,coupon_code,phone,items\nown,A1,tmall,c1,2026-11-27T09:00:00+08:00,2026-11-27T09:00:00+08:00,paid,123.45,0,,,SK-1:1:123.45\nown,A2,jd,c2,2026-11-27T09:30:00+08:00,2026-11-27T09:30:00+08:00,paid,76.55,0,,,SK-2:1:76.55\n');
    const imported = await run('node', [bin, 'import', 'orders', csv], { env });
    expect(imported.stderr).toContain(`the bot is running on ${dir} (pid ${bot.pid})`);
    expect(imported.stdout).toContain('2 orders imported (2 new, 0 replaced), 0 bad rows');
    await seen('📥 imported orders');
    bot.stdin.write('gmv today\n');
    await seen('GMV: ¥200.00');

    bot.kill('SIGKILL');
    await new Promise((r) => bot.once('exit', r));
    const after = await run('node', [bin, 'tick'], { env });
    expect(after.stdout).toContain('0 queued');
  });
});
