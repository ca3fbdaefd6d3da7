import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { asUserFile, inboxNotice } from '../../../src/adapters/ingest/import-words.ts';
import { repoRoot, tmpFile } from './ingest-helpers.ts';

// What imports (and tick) say to the operator: the file they gave, counts that read right,
// a header-only file as the failure it is, and times in the store's zone.

const run = promisify(execFile);
const bin = join(repoRoot, 'bin/store-ops-bot.js');
const HEADER = 'platform,order_id,channel,customer,created_at,paid_at,status,amount,refunded,coupon_code,phone,items';

async function cli(args: string[], dataDir: string) {
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_STORE: 'off', BOT_NOW: '2026-11-27T10:00:00+08:00', STORE_TIMEZONE: 'Asia/Shanghai', LOG_LEVEL: 'warn' };
  return run(process.execPath, [bin, ...args], { env, cwd: repoRoot }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );
}

describe('import and tick words', { timeout: 90_000 }, () => {
  it('a header-only file exits 1 with a clear line', async () => {
    const file = tmpFile('empty-orders.csv', `${HEADER}\n`);
    const res = await cli(['import', 'orders', file], mkdtempSync(join(tmpdir(), 'words-')));
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`cannot import ${file}: it has a header but no rows; nothing was imported`);
  });

  it('tick prints its time in the store time zone', async () => {
    const res = await cli(['tick'], mkdtempSync(join(tmpdir(), 'words-')));
    expect(res.stdout).toContain('tick at 2026-11-27 10:00 Asia/Shanghai:');
    expect(res.stdout).not.toContain('2026-11-27T02:00:00');
  });

  it('messages about an inbox copy name the file the person gave', () => {
    const dataDir = '/srv/bot';
    const inbox = '1764680000000-4242-orders nov.csv';
    const error = `cannot import /srv/bot/inbox/orders/${inbox}: unknown format (header starts "a,b"); expected …`;
    expect(asUserFile(error, dataDir, 'orders', inbox, '/home/op/orders nov.csv')).toBe('cannot import /home/op/orders nov.csv: unknown format (header starts "a,b"); expected …');
    expect(inboxNotice(dataDir, 'orders', inbox, { ok: false, error })).toBe('cannot import orders nov.csv: unknown format (header starts "a,b"); expected …');
    expect(inboxNotice(dataDir, 'orders', inbox, { ok: false, error: 'ENOSPC: no space left on device, write' })).toBe('orders nov.csv not imported: ENOSPC: no space left on device, write');
    const summary = { file: `/srv/bot/inbox/orders/${inbox}`, kind: 'orders' as const, format: 'own-csv' as const, encoding: 'utf-8' as const, added: 1, replaced: 1200, bad: 1, problems: [], ms: 5 };
    expect(inboxNotice(dataDir, 'orders', inbox, { ok: true, summary })).toBe('imported orders from orders nov.csv: 1,201 orders (1 new, 1,200 replaced), 1 bad row');
    expect(inboxNotice(dataDir, 'orders', inbox, { ok: true, summary: { ...summary, added: 0, replaced: 0, bad: 0 } })).toContain('it has a header but no rows');
  });
});
