import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, vi } from 'vitest';

// The real bot (`store-ops-bot start`) as a child process with its HTTP listeners on loopback,
// for tests that check what a process does (a flood must not stop it; no secret reaches its log).

/** A port free on 127.0.0.1 now (the OS picks it), for a child to listen on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

export interface BotProcess {
  child: ChildProcess;
  /** Everything the bot wrote to stderr so far (its log). */
  stderr(): string;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the bot with exactly `env` (plus PATH and HOME) and waits until every port in `health`
 * answers /healthz with `platforms` online.
 */
export async function startBotProcess(env: Record<string, string>, health: { ports: number[]; platforms: Record<string, string> }): Promise<BotProcess> {
  const child = spawn(process.execPath, [join(process.cwd(), 'bin/store-ops-bot.js'), 'start'], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  await vi.waitFor(
    async () => {
      expect(child.exitCode, stderr).toBeNull();
      for (const port of health.ports) expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true, platforms: health.platforms });
    },
    { timeout: 45_000, interval: 250 },
  );
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
