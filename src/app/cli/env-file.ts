import { existsSync, readFileSync } from 'node:fs';

// `.env` beside where the bot starts: read once, before the configuration is checked.
// Node's own loader (process.loadEnvFile) does the reading and never overrides a variable the
// process environment already has; it silently skips lines it cannot read, so each line is
// checked here first and a malformed one stops the start with its line number.

export class EnvFileError extends Error {}

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=(.*)$/;

/** The 1-based number of the first line that is neither blank, a comment nor NAME=value; undefined when all are fine. */
export function badEnvLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) return i + 1;
    // A quoted value may run over several lines; skip to the line that closes it.
    const value = m[1].trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.indexOf(quote, 1) === -1) {
      const close = lines.findIndex((l, j) => j > i && l.includes(quote));
      if (close === -1) return i + 1;
      i = close;
    }
  }
  return undefined;
}

/** Loads `path` into process.env (the environment wins); a missing file is fine. Returns whether one was read. */
export function loadEnvFile(path = '.env'): boolean {
  if (!existsSync(path)) return false;
  const line = badEnvLine(readFileSync(path, 'utf8'));
  if (line !== undefined) throw new EnvFileError(`${path} line ${line}: expected NAME=value, like STORE_TIMEZONE=Asia/Shanghai (# starts a comment)`);
  process.loadEnvFile(path);
  return true;
}
