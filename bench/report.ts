// Shared helpers for bench modules: percentiles and one aligned line per figure with PASS/FAIL.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

/** Times `fn` `reps` times (after `warmup` untimed calls); returns sorted milliseconds. */
export async function timeRuns(fn: () => unknown, reps: number, warmup = Math.ceil(reps / 10)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b);
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits > 0 ? Math.min(digits, 2) : 0 }) : String(n));

/** Prints a figure; with a target, PASS/FAIL against it (`>=` or `<=`). */
export function line(label: string, value: string, target?: { ok: boolean; text: string }): boolean {
  const verdict = target ? `  target ${target.text.padEnd(14)} ${target.ok ? 'PASS' : 'FAIL'}` : '';
  console.log(`  ${label.padEnd(44)} ${value.padStart(16)}${verdict}`);
  return target?.ok ?? true;
}
