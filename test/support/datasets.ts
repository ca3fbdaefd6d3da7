import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The real public data sets the to-the-cent tests compare against live in shared/datasets,
// beside the repository (CI clones it that way). STORE_OPS_DATASETS points elsewhere.

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const root = process.env.STORE_OPS_DATASETS ?? resolve(repoRoot, '../shared/datasets');

/** The path of a file in the shared data sets, or an error saying where it was looked for. */
export function dataset(file: string): string {
  const path = join(root, file);
  if (!existsSync(path)) throw new Error(`real data set ${file} not found in ${root}: clone the repo with shared/ beside it (as CI does) or set STORE_OPS_DATASETS to the datasets folder`);
  return path;
}
