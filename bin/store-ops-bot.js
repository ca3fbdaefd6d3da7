#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npm install` is the only build step.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// The bot holds a large, long-lived order store and makes bursts of short-lived
// garbage while loading or importing it (parsed month files, CSV pieces). By
// default V8 lets the old generation grow to several times what is live before
// collecting, which for a million orders put ~150 MB of dead month files on top
// of the store at start. Collecting at +50% keeps a million-order store under
// ~400 MB for a few hundred ms more CPU at start and import; answering
// questions makes young garbage only and is unaffected. (Set here rather than on
// the command line so `npx store-ops-bot` and `npm start` both get it.)
setFlagsFromString('--heap-growing-percent=50');
register();
await import('../src/main.ts');
