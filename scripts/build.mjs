// Compiles src/ into dist/ (run by `npm install` through `prepare`, and by `npm start`), so the bin starts
// without compiling TypeScript on every call. One bundle with the small libraries inside it: loading one
// file is faster than resolving hundreds of node_modules files at start. Platform SDKs stay outside and
// are imported only when their platform is configured.
import { rmSync } from 'node:fs';

// Without esbuild (an install that left devDependencies out) the bin runs the sources through tsx instead.
const esbuild = await import('esbuild').catch(() => null);
if (!esbuild) {
  console.warn('store-ops-bot: esbuild is not installed; the bot will run from src/ through tsx (slower to start).');
  process.exit(0);
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await esbuild.build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  external: ['@slack/*', 'wechaty', 'wechaty-*', 'grammy', '@grammyjs/*', '@duckdb/*', 'qrcode-terminal'],
  // CommonJS libraries inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
