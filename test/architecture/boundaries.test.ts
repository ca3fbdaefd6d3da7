import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlatformModule } from '../../src/chat/platform-module.ts';
import { PLATFORMS } from '../../src/platforms/index.ts';

// The house rules from DESIGN.md, checked on every run: platform SDKs stay in
// their adapter folder, and the domain knows nothing of commands or adapters.

// Each platform names its SDK packages in its PlatformModule, so a new platform folder needs no edit here.
const SDK_HOME: [string, string][] = PLATFORMS.flatMap((p: PlatformModule) => (p.sdks ?? []).map((sdk): [string, string] => [sdk, `src/platforms/${p.name}`]));
const SDKS = SDK_HOME.map(([sdk]) => sdk);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const usesSdk = (spec: string) => SDKS.some((sdk) => spec === sdk || spec.startsWith(`${sdk}/`));

describe('architecture boundaries', () => {
  it('the domain, the bot, the features, the chat kit and the outbound layer import no platform SDK', () => {
    const offenders = ['src/domain', 'src/bot', 'src/features', 'src/chat', 'src/outbound'].flatMap(files).flatMap((f) => imports(f).filter(usesSdk).map((s) => `${f} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('src/domain imports nothing outside the domain (no features, bot, chat kit, platforms, outbound layer, adapters or app)', () => {
    const offenders = files('src/domain').flatMap((f) => imports(f).filter((s) => /(^|\/)(commands|adapters|features|bot|chat|platforms|outbound|app)\//.test(s) || /\/config\.ts$/.test(s)).map((s) => `${f} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('each platform SDK is imported only in its own adapter folder', () => {
    const offenders = files('src').flatMap((f) =>
      imports(f)
        .filter(usesSdk)
        .filter((s) => {
          const owner = SDK_HOME.find(([k]) => s === k || s.startsWith(`${k}/`));
          return !owner || !f.startsWith(`${owner[1]}/`);
        })
        .map((s) => `${f} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the guard itself notices an SDK import', () => {
    expect(usesSdk('@slack/bolt')).toBe(true);
    expect(usesSdk('grammy/web')).toBe(true);
    expect(usesSdk('zod')).toBe(false);
  });

  it('no source file is over 500 lines', () => {
    const long = files('src').filter((f) => readFileSync(f, 'utf8').split('\n').length > 500);
    expect(long).toEqual([]);
  });

  it('src/domain, src/bot and src/features reach files and the environment only through ports and services', () => {
    const offenders = ['src/domain', 'src/bot', 'src/features'].flatMap(files).filter((f) => {
      const src = readFileSync(f, 'utf8');
      return /from ['"]node:(fs|child_process|net|http|https)['"]/.test(src) || /process\.env/.test(src);
    });
    expect(offenders).toEqual([]);
  });
});
