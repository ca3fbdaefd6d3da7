import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { checkPlaybook } from '../src/domain/playbook/check.ts';
import { PlaybookError } from '../src/domain/playbook/load.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

// A wrong setting stops the bot with one line naming the variable and what it expects.

const run = promisify(execFile);
const bin = join(process.cwd(), 'bin/store-ops-bot.js');

describe('configuration', () => {
  it('fills defaults from an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ DATA_DIR: './data', STORE_TIMEZONE: 'Asia/Shanghai', STORE_CURRENCY: 'CNY', BOT_LANG: 'zh', BOT_ADMINS: [], DEMO_STORE: 'auto' });
  });

  it.each([
    ['STORE_TIMEZONE', 'Mars/Base', /STORE_TIMEZONE must be an IANA time zone like Asia\/Shanghai \(got "Mars\/Base"\)/],
    ['STORE_CURRENCY', 'yuan', /STORE_CURRENCY must be a three-letter currency code like CNY/],
    ['BOT_NOW', 'tomorrow-ish', /BOT_NOW must be an ISO time/],
    ['BOT_LANG', 'fr', /BOT_LANG must be zh or en/],
    ['BOT_ADMINS', 'alice', /BOT_ADMINS must be a comma-separated list of qualified user ids/],
    ['SLACK_PORT', 'eighty', /SLACK_PORT must be a port number/],
    ['TELEGRAM_API_ROOT', 'localhost:8081', /TELEGRAM_API_ROOT must be an http\(s\) URL/],
    ['WECOM_BOT_ENCODING_AES_KEY', 'tooshort', /WECOM_BOT_ENCODING_AES_KEY must be the 43-character EncodingAESKey/],
    ['WECOM_BOT_WS_URL', 'http://gateway', /WECOM_BOT_WS_URL must be a WebSocket URL/],
    ['WECOM_BOT_PORT', '0', /WECOM_BOT_PORT must be a port number/],
    ['WECOM_WEBHOOK_OPS', 'no spaces allowed', /WECOM_WEBHOOK_OPS must be a group robot key/],
  ])('refuses %s=%s naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reads the WeCom smart bot settings: both halves of each mode, and every group robot', () => {
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const c = loadConfig({ WECOM_BOT_ID: 'aib1', WECOM_BOT_SECRET: 's', WECOM_BOT_TOKEN: 'Tok3n', WECOM_BOT_ENCODING_AES_KEY: key, WECOM_WEBHOOK_wrOps01: 'k-12345678', WECOM_WEBHOOK_BRIEF: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' });
    expect(c).toMatchObject({ WECOM_BOT_ID: 'aib1', WECOM_BOT_PORT: 8788, WECOM_WEBHOOKS: { wrOps01: 'k-12345678', BRIEF: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' } });
    expect(() => loadConfig({ WECOM_BOT_ID: 'aib1' })).toThrow(/WECOM_BOT_SECRET must be set together with WECOM_BOT_ID/);
    expect(() => loadConfig({ WECOM_BOT_ENCODING_AES_KEY: key })).toThrow(/WECOM_BOT_TOKEN must be set together with WECOM_BOT_ENCODING_AES_KEY/);
  });

  it('stops the command line with exactly one line and a non-zero exit', async () => {
    const err = await run('node', [bin, 'ask', 'gmv today'], { env: { ...process.env, STORE_TIMEZONE: 'Mars/Base', DEMO_STORE: 'off' } }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stdout).toBe('');
    expect(err.stderr.trim().split('\n')).toEqual(['config error: STORE_TIMEZONE must be an IANA time zone like Asia/Shanghai (got "Mars/Base")']);
  });

  it('checks the whole playbook file: unknown sections and bad values name where they are', () => {
    expect(() => checkPlaybook({})).not.toThrow();
    expect(() => checkPlaybook({ complaints: { firstResponseMinutes: 20 }, budgets: { minRoi: 1.2 } })).not.toThrow();
    expect(() => checkPlaybook({ complaint: {} })).toThrow(/unknown section "complaint"/);
    expect(() => checkPlaybook({ complaints: { firstResponseMinutes: -5 } })).toThrow(PlaybookError);
    expect(() => checkPlaybook({ checklists: { digestAt: '9am' } })).toThrow(/checklists\.digestAt: a time like 09:00/);
  });

  it('a bad playbook file stops the command line with one line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pb-')), 'playbook.json');
    writeFileSync(file, JSON.stringify({ budgets: { reserve: 2 } }));
    const err = await run('node', [bin, 'ask', 'gmv today'], { env: { ...process.env, PLAYBOOK_FILE: file, DEMO_STORE: 'off' } }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr.trim().split('\n')).toHaveLength(1);
    expect(err.stderr).toContain('playbook budgets.reserve');
  });

  it('playbook overrides reach the features through the app', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pb-')), 'playbook.json');
    writeFileSync(file, JSON.stringify({ complaints: { firstResponseMinutes: 20 } }));
    const { openApp } = await import('../src/app/compose.ts');
    const { silentLogger } = await import('../src/domain/log.ts');
    const clock = { now: () => new Date('2026-11-27T10:00:00+08:00') };
    const app = await openApp(loadConfig({ DEMO_STORE: 'off', PLAYBOOK_FILE: file, BOT_ADMINS: 'console:admin' }), { memory: true, clock, log: silentLogger });
    await app.services.access.grant('console:amy', 'cs_agent');
    const reply = await app.bot.handle({ platform: 'console', conversation: 'console:ops-room', user: 'console:amy', direct: false, text: 'complaint new parcel arrived late, customer upset' });
    expect(JSON.stringify(reply.blocks)).toContain('2026-11-27 10:20');
  });
});
