import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Issue 13 point 6, as an operator meets it: `.env` in the folder the bot starts in, the
// terminal chat with its logs in a file, and a way to an admin on the local demo.

const run = promisify(execFile);
const bin = join(process.cwd(), 'bin/store-ops-bot.js');

/** The process environment of a fresh shell: none of the bot's variables set. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(LOG_LEVEL|BOT_|STORE_|DATA_DIR|DEMO_STORE|SLACK_|TELEGRAM_|WECHAT|PLAYBOOK|TEMPLATES)/.test(k)) delete env[k];
  return { ...env, ...extra };
}

/** Runs `store-ops-bot start` in `cwd` with `input` piped in; resolves with what it printed. */
function chat(cwd: string, env: NodeJS.ProcessEnv, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'start'], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const ORDERS = [
  'platform,order_id,channel,customer,created_at,paid_at,status,amount,refunded,coupon_code,phone,items',
  'own,C1,tmall,u1,2026-11-20T09:00:00+08:00,2026-11-20T09:00:05+08:00,paid,199.00,0.00,,,SK-1:1:199.00',
  'own,C2,jd,u2,2026-11-20T10:00:00+08:00,2026-11-20T10:00:05+08:00,paid,88.80,0.00,,,SK-2:1:88.80',
].join('\n');

describe('the terminal chat on first start', { timeout: 90_000 }, () => {
  it('reads .env (the environment wins), keeps logs in a file, names the user file, and offers admin for the local demo', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'terminal-'));
    const dataDir = join(cwd, 'data');
    writeFileSync(join(cwd, '.env'), ['# copied from .env.example', 'STORE_NAME="Env File Store"', 'export STORE_TIMEZONE=Asia/Tokyo', '', `DATA_DIR=${dataDir}`, 'DEMO_STORE=off', 'BOT_LANG=en'].join('\n'));
    // A file dropped into the inbox before start: the bot imports it while the chat runs.
    mkdirSync(join(dataDir, 'inbox', 'orders'), { recursive: true });
    writeFileSync(join(dataDir, 'inbox', 'orders', '1764680000000-4242-november.csv'), ORDERS);
    const env = cleanEnv({ STORE_TIMEZONE: 'Asia/Shanghai', BOT_NOW: '2026-11-27T10:00:00+08:00', USER: 'dana' });
    const res = await chat(cwd, env, ['grant console:bob ops_manager', ':admin', 'grant console:bob ops_manager', ':as', ''].join('\n'));
    expect(res.code).toBe(0);
    const out = res.stdout;
    expect(out).toContain('Env File Store · 0 orders · Asia/Shanghai'); // from .env; the environment's time zone wins
    expect(out).toContain(`Logs: ${join(dataDir, 'logs', 'bot.log')}`);
    expect(out).toContain('For this local demo only: type :admin');
    expect(out).toContain('BOT_ADMINS');
    // Before :admin, the refusal says how to get there; after it, the grant works.
    expect(out).toContain('(No admin yet: on this local demo, type :admin to become one; on a team, set BOT_ADMINS.)');
    expect(out).toContain('(console:dana is now admin, for this local demo only.');
    expect(out).toContain('Granted operations manager (ops_manager) to console:bob');
    expect(out).toContain('(:as needs the name to type as, like ":as bob"; you are console:dana)');
    expect(out).toContain('📥 imported orders from november.csv: 2 orders (2 new, 0 replaced), 0 bad rows');
    expect(out).not.toContain('inbox/orders');
    // No JSON log line anywhere in the chat; they are in the file.
    expect(`${out}\n${res.stderr}`).not.toMatch(/\{"level":/);
    const log = readFileSync(join(dataDir, 'logs', 'bot.log'), 'utf8');
    expect(log).toMatch(/"msg":"inbox import"/);
  });

  it('with LOG_LEVEL set, logs stay on stderr and no file is made; a configured admin is named in refusals', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'terminal-'));
    const dataDir = join(cwd, 'data');
    const env = cleanEnv({ DATA_DIR: dataDir, DEMO_STORE: 'off', BOT_LANG: 'en', LOG_LEVEL: 'info', BOT_ADMINS: 'console:admin', USER: 'dana' });
    const res = await chat(cwd, env, 'grant console:bob ops_manager\n');
    expect(res.stdout).not.toContain('Logs:');
    expect(res.stdout).not.toContain(':admin to make');
    expect(res.stdout).toContain('(Admins come from BOT_ADMINS: console:admin; type ":as admin" to grant as them.)');
    expect(existsSync(join(dataDir, 'logs'))).toBe(false);
  });

  it('a malformed .env stops the start with its line number', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'terminal-'));
    writeFileSync(join(cwd, '.env'), 'STORE_NAME=Shop\nSLACK_BOT_TOKEN xoxb-secret\n');
    const err = await run(process.execPath, [bin, 'ask', 'gmv today'], { cwd, env: cleanEnv({ DEMO_STORE: 'off', DATA_DIR: join(cwd, 'data') }) }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr.trim()).toBe('.env line 2: expected NAME=value, like STORE_TIMEZONE=Asia/Shanghai (# starts a comment)');
    expect(err.stderr).not.toContain('xoxb-secret');
  });
});
