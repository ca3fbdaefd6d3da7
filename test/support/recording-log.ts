import type { Logger } from '../../src/domain/log.ts';

/** A logger that keeps what was logged at warn and above, so tests can see a failure was not silent. */
export function recordingLog(): Logger & { lines: { level: string; obj: unknown; msg?: string }[] } {
  const lines: { level: string; obj: unknown; msg?: string }[] = [];
  const keep = (level: string) => (obj: unknown, msg?: string) => void lines.push({ level, obj, ...(msg ? { msg } : {}) });
  return { lines, debug() {}, info() {}, warn: keep('warn'), error: keep('error') };
}
