import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// A platform that cannot connect stops `npm start` with one line per platform, not a stack trace or a silent hang.

const run = promisify(execFile);
const bin = join(process.cwd(), 'bin/store-ops-bot.js');

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('npm start with unreachable platforms', () => {
  it('names each platform that could not start and exits 1', { timeout: 60_000 }, async () => {
    const port = await deadPort();
    const env = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'start-')), DEMO_STORE: 'off', LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: '1:bad', TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, SLACK_BOT_TOKEN: 'xoxb-bad', SLACK_APP_TOKEN: 'xapp-bad', SLACK_API_URL: `http://127.0.0.1:${port}/` };
    const err = await run('node', [bin, 'start'], { env, timeout: 45_000 }).catch((e) => e);
    expect(err.code).toBe(1);
    const lines = err.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^slack: could not start — /), expect.stringMatching(/^telegram: could not start — .*getMe/)]);
  });
});
