import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { badEnvLine, EnvFileError, loadEnvFile } from '../../../src/app/cli/env-file.ts';

describe('.env', () => {
  const set: string[] = [];
  afterEach(() => {
    for (const k of set.splice(0)) delete process.env[k];
  });

  it('accepts comments, blanks, export and quoted values over several lines; names the first bad line', () => {
    expect(badEnvLine('# c\n\nA=1\nexport B = two\nC="multi\nline"\nD=\'x\'\n')).toBeUndefined();
    expect(badEnvLine('A=1\nB 2\n')).toBe(2);
    expect(badEnvLine('A=1\n\nC="never closed\n')).toBe(3);
    expect(badEnvLine('A=1\n1BAD=2\n')).toBe(2);
  });

  it('loads the file, keeps what the environment already has, and a missing file is fine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'I13W_FROM_FILE=file\nI13W_BOTH=file\n');
    set.push('I13W_FROM_FILE', 'I13W_BOTH');
    process.env.I13W_BOTH = 'environment';
    expect(loadEnvFile(file)).toBe(true);
    expect(process.env.I13W_FROM_FILE).toBe('file');
    expect(process.env.I13W_BOTH).toBe('environment');
    expect(loadEnvFile(join(dir, 'missing.env'))).toBe(false);
  });

  it('refuses a malformed file before loading any of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'I13W_FIRST=1\nthis is not an assignment\n');
    set.push('I13W_FIRST');
    expect(() => loadEnvFile(file)).toThrow(EnvFileError);
    expect(() => loadEnvFile(file)).toThrow(`${file} line 2: expected NAME=value`);
    expect(process.env.I13W_FIRST).toBeUndefined();
  });
});
