import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Runs every bench/*.bench.ts module in name order; each prints its own lines.
// `npm run bench -- foundation` runs only the modules whose name contains "foundation".

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') {
    console.log(`  (skipped: ${f} exports no run())`);
    continue;
  }
  try {
    await mod.run();
  } catch (err) {
    failed++;
    console.log(`  ERROR in ${f}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
if (failed) process.exitCode = 1;
