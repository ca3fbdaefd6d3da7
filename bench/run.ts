import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Runs every bench/*.bench.ts module in name order; each prints its own lines.
// `npm run bench -- foundation` runs only the modules whose name contains "foundation".
// A module that takes longer than BENCH_TIMEOUT_S (default 600) is reported and left behind.

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const timeoutMs = Number(process.env.BENCH_TIMEOUT_S ?? 600) * 1000;
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') {
    console.log(`  (skipped: ${f} exports no run())`);
    continue;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    await Promise.race([mod.run(), timedOut]);
  } catch (err) {
    failed++;
    console.log(`  ERROR in ${f}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  } finally {
    clearTimeout(timer);
  }
}
// Exit even if a module left a server or timer running.
process.exit(failed || process.exitCode ? 1 : 0);
