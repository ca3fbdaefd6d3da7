import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// One process per DATA_DIR: a cron `tick` beside a running bot would dispatch the same
// outbox entries twice. The second process is refused with one line; a crashed holder
// (killed with SIGKILL) does not block the next start.

const run = promisify(execFile);
const bin = join(process.cwd(), 'bin/store-ops-bot.js');

describe('DATA_DIR lock', () => {
  it('refuses a second process while the bot runs, and frees the folder when the bot dies', { timeout: 90_000 }, async () => {
    const env = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'lock-')), DEMO_STORE: 'off', LOG_LEVEL: 'silent' };
    const bot = spawn('node', [bin, 'start', '--as', 'alice'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      bot.stdout.on('data', (c: Buffer) => c.toString().includes('Terminal chat as') && resolve());
      bot.once('exit', (code) => reject(new Error(`bot exited early (${code})`)));
    });
    for (const args of [['tick'], ['ask', 'gmv today'], ['import', 'orders', '/nonexistent.csv'], ['demo', 'reset']]) {
      const err = await run('node', [bin, ...args], { env }).catch((e) => e);
      expect(err.code, args.join(' ')).toBe(1);
      expect(err.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`in use by another store-ops-bot \\(pid ${bot.pid}: start --as alice\\)`))]);
    }
    bot.kill('SIGKILL');
    await new Promise((r) => bot.once('exit', r));
    const after = await run('node', [bin, 'tick'], { env });
    expect(after.stdout).toContain('0 queued');
  });
});
