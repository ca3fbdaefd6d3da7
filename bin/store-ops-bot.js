#!/usr/bin/env node
// Runs the compiled bundle in dist/ (built by `npm install` and `npm start`); when dist/ is missing or older
// than a file in src/ (someone edited the sources), runs the sources through tsx instead, so the answer is
// never from stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// The bot holds a large, long-lived order store and makes bursts of short-lived
// garbage while loading or importing it (parsed month files, CSV pieces). By
// default V8 lets the old generation grow to several times what is live before
// collecting, which for a million orders put ~150 MB of dead month files on top
// of the store at start. Collecting at +50% keeps a million-order store under
// ~400 MB for a few hundred ms more CPU at start and import; answering
// questions makes young garbage only and is unaffected. (Set here rather than on
// the command line so `npx store-ops-bot` and `npm start` both get it.)
setFlagsFromString('--heap-growing-percent=50');

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/main.js', root);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(new URL('src', root).pathname)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
