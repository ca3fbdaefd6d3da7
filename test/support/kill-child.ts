import { spawn } from 'node:child_process';

/**
 * Runs a TypeScript child that prints `started` once it is under way; with `killAfterMs`
 * it is killed with SIGKILL that long after, to crash it mid-work. Resolves with its stdout.
 */
export function runChild(script: string, env: Record<string, string>, killAfterMs?: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (c) => {
      out += c;
      if (killAfterMs !== undefined && out.startsWith('started\n')) {
        setTimeout(() => p.kill('SIGKILL'), killAfterMs);
        killAfterMs = undefined;
      }
    });
    p.on('error', reject);
    p.on('exit', () => resolve(out));
  });
}
