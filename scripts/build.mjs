// Compiles src/ into dist/ (run by `npm install` through `prepare`, and by `npm start`), so the bin starts
// without compiling TypeScript on every call. One bundle with the small libraries inside it: loading one
// file is faster than resolving hundreds of node_modules files at start. Platform SDKs stay outside and
// are imported only when their platform is configured.
import { rmSync } from 'node:fs';
import { bundleOptions } from './build-options.mjs';

const dist = new URL('../dist', import.meta.url);

// Without esbuild (an install that left devDependencies out) the bin runs the sources through tsx instead.
const esbuild = await import('esbuild').catch(() => null);
if (!esbuild) {
  console.warn('store-ops-bot: esbuild is not installed; the bot will run from src/ through tsx (slower to start).');
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
// A failed build must not fail `npm install`: the bin then runs the sources through tsx. (A test checks the bundle builds.)
try {
  await esbuild.build(bundleOptions('dist'));
} catch (err) {
  rmSync(dist, { recursive: true, force: true });
  console.warn(`store-ops-bot: the compiled bundle could not be built (${String(err.message).split('\n')[0]}); the bot will run from src/ through tsx.`);
}
