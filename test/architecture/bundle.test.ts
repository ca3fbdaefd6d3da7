import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module shared with scripts/build.mjs
import { bundleOptions } from '../../scripts/build-options.mjs';

// `npm install` builds dist/ but never fails on it (the bin would run the sources instead):
// this is where a bundle that no longer builds turns the build red.

describe('compiled bundle', () => {
  it('builds from src/main.ts with the options scripts/build.mjs uses', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bundle-'));
    try {
      const result = await build({ ...bundleOptions(out), logLevel: 'silent' });
      expect(result.errors).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
