import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildDispatcher } from '../../../src/outbound/build-dispatcher.ts';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';

const run = promisify(execFile);
const bin = join(process.cwd(), 'bin/store-ops-bot.js');

describe('store-ops-bot tick', () => {
  it('runs what is due once, prints it to the terminal, and catches up after downtime', { timeout: 60_000 }, async () => {
    const env = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'tick-')), DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', LOG_LEVEL: 'silent' };
    await run(process.execPath, [bin, 'ask', '日报 开启 09:00', '--as', 'admin'], { env: { ...env, BOT_NOW: '2026-11-25T10:00:00+08:00' } });
    const first = await run(process.execPath, [bin, 'tick'], { env: { ...env, BOT_NOW: '2026-11-27T09:30:00+08:00' } });
    expect(first.stdout).toContain('📣 bot → console:ops-room');
    expect(first.stdout).toContain('日报 · 2026-11-25');
    expect(first.stdout).toContain('（迟到 1天30分）');
    expect(first.stdout).toContain('（迟到 30分）');
    expect(first.stdout).toMatch(/2 queued, 2 sent · outbox: 0 pending, 2 sent/);
    const again = await run(process.execPath, [bin, 'tick', '--json'], { env: { ...env, BOT_NOW: '2026-11-27T09:31:00+08:00' } });
    expect(JSON.parse(again.stdout)).toMatchObject({ queued: 0, sent: [], outbox: { sent: 2, pending: 0 } });
  });

  it('takes pacing overrides from OUTBOX_RATE_LIMITS and refuses a malformed one', () => {
    const config = loadConfig({ OUTBOX_RATE_LIMITS: 'slack=conversation:1/5', LOG_LEVEL: 'silent' });
    const d = buildDispatcher(config, JournalOutboxStore.memory(), [], silentLogger);
    d.pacer.record('slack:C1', 0);
    expect(d.pacer.waitMs('slack:C1', 0)).toBe(5150);
    expect(() => loadConfig({ OUTBOX_RATE_LIMITS: 'slack=fast' })).toThrow(ConfigError);
    expect(() => loadConfig({ OUTBOX_RATE_LIMITS: 'slack=fast' })).toThrow(/OUTBOX_RATE_LIMITS must be platform=scope:count\/seconds/);
  });
});
