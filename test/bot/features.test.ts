import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openBooks } from '../../src/app/open-books.ts';
import { BOOK_NAMES } from '../../src/bot/books.ts';
import { bookOpenersOf, buildRegistry, catalogOf, commandsOf, noticeSourcesOf, type Feature } from '../../src/bot/feature.ts';
import { defineCommand } from '../../src/bot/spec.ts';
import { renderText } from '../../src/chat/text/render-text.ts';
import { MemoryDocStore } from '../../src/adapters/store/lowdb-doc-store.ts';
import { Calendar } from '../../src/domain/calendar.ts';
import { parsePlaybook } from '../../src/domain/playbook/playbook.ts';
import type { Doc, DocStore } from '../../src/domain/ports.ts';
import { features } from '../../src/features/index.ts';
import { consoleWorld } from '../support/console-world.ts';

// src/features/index.ts is the only registry: the commands, the tick's notice sources, the
// approval kinds, the confirmables and the books all come from its list, each from one feature.

const catalog = catalogOf(features);
const owners = <T>(pick: (f: Feature) => T[], id: (t: T) => string) => {
  const by = new Map<string, string[]>();
  for (const f of features) for (const t of pick(f)) by.set(id(t), [...(by.get(id(t)) ?? []), f.name]);
  return by;
};

describe('the features list', () => {
  it('gives every command in the registry exactly one feature, in the list order (why before metric, help last)', () => {
    const registry = buildRegistry(features);
    const byCommand = owners((f) => commandsOf(f, catalogOf(features)), (s) => s.id);
    expect(registry.specs.length).toBeGreaterThan(50);
    for (const spec of registry.specs) expect(byCommand.get(spec.id), spec.id).toHaveLength(1);
    expect([...byCommand.keys()].sort()).toEqual(registry.specs.map((s) => s.id).sort());
    const ids = registry.specs.map((s) => s.id);
    expect(ids.indexOf('why')).toBeLessThan(ids.indexOf('metric'));
    expect(ids.at(-1)).toBe('help');
    expect(registry.match('gmv yesterday why')?.spec.id).toBe('why');
  });

  it('gives every notice source, approval kind, confirmable and book exactly one feature', () => {
    const sources = noticeSourcesOf(features);
    expect(sources.map((s) => s.id).sort()).toEqual(['alerts', 'approvals', 'brief', 'cadences', 'campaigns', 'checklists', 'complaints', 'stock-alerts', 'weekly'].sort());
    for (const [id, by] of owners((f) => f.noticeSources ?? [], (s) => s.id)) expect(by, id).toHaveLength(1);
    expect(catalog.approvalKinds.map((k) => k.kind).sort()).toEqual(['budget.change', 'coupon.campaign']);
    expect(catalog.confirmables.map((c) => c.kind).sort()).toEqual(['campaigns.schedule', 'members.tiers.apply']);
    const books = owners((f) => Object.keys(f.books ?? {}), (b) => b);
    expect([...books.keys()].sort()).toEqual([...BOOK_NAMES].sort());
    for (const [name, by] of books) expect(by, name).toHaveLength(1);
  });

  it('refuses a name two features both claim, and a book no feature opens', () => {
    const twin: Feature = { name: 'twin', commands: [commandsOf(features[0]!, catalog)[0]!] };
    expect(() => buildRegistry([...features, twin])).toThrow(/registered twice/);
    expect(() => buildRegistry([...features, { name: 'budgets', commands: [] }])).toThrow(/feature budgets is declared by both/);
    expect(() => noticeSourcesOf([...features, { name: 'echo', commands: [], noticeSources: [noticeSourcesOf(features)[0]!] }])).toThrow(/notice source .* both/);
    expect(() => bookOpenersOf([...features, { name: 'more', commands: [], books: { budgets: async () => ({}) as never } }])).toThrow(/book budgets is declared by both \w+ and more/);
    const env = { docs: new MemoryDocStore(), clock: { now: () => new Date() }, calendar: new Calendar('Asia/Shanghai'), playbook: parsePlaybook() };
    expect(() => openBooks(bookOpenersOf(features.filter((f) => f.name !== 'stock')), env)).toThrow(/no feature opens the book stock/);
  });

  it('no feature registers anything by an import side effect', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
    const offenders = files('src').filter((f) => /^\s*register\w*\(|^const \w+ = new Map<string, (Confirmable|ApprovalKind)/m.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
    for (const f of readdirSync('src/features').filter((n) => statSync(join('src/features', n)).isDirectory() && n !== 'shared')) {
      expect(features.map((x) => x.name), `src/features/${f} is not in the list`).toContain(f);
    }
  });

  it('takes a new feature in with one line: its command answers, help shows it, the tick sends what it says first', async () => {
    const hello: Feature = {
      name: 'hello',
      commands: [
        defineCommand({
          id: 'hello',
          phrases: { zh: ['打个招呼'], en: ['say hello'] },
          summary: { zh: '打招呼', en: 'Say hello' },
          examples: { zh: ['打个招呼'], en: ['say hello'] },
          role: 'staff',
          args: z.object({}),
          parse: () => ({}),
          handle: (ctx) => ({ lang: ctx.lang, blocks: [{ type: 'text', text: 'hello there' }] }),
        }),
      ],
      noticeSources: [{ id: 'hello', collect: async (now) => [{ key: 'hello:1', kind: 'hello.morning', target: { conversation: 'console:ops-room' }, reply: { lang: 'en', blocks: [{ type: 'text', text: 'good morning, ops room' }] }, dueAt: now }] }],
    };
    const list = [...features.slice(0, -1), hello, features.at(-1)!];
    const w = await consoleWorld({ start: '2026-11-27T10:00:00+08:00', lang: 'en', features: list });
    expect(renderText(await w.say('alice', 'say hello'))).toContain('hello there');
    expect(renderText(await w.say('alice', 'help say hello'))).toContain('Say hello');
    expect(await w.tick()).toContain('good morning, ops room');
    // Without the line, none of it is there.
    const without = await consoleWorld({ start: '2026-11-27T10:00:00+08:00', lang: 'en' });
    expect(renderText(await without.say('alice', 'help say hello'))).toContain('There is no help on "say hello"');
    expect(await without.tick()).not.toContain('good morning');
  });
});

describe('services.books', () => {
  it('opens each book once per process: every call hands back the instance a command wrote through', async () => {
    const w = await consoleWorld({ start: '2026-11-27T10:00:00+08:00', lang: 'en', grants: [['console:bob', 'ops_manager']] });
    const first = await w.app.services.books.budgets();
    expect(await w.app.services.books.budgets()).toBe(first);
    await w.say('bob', 'budget set 2026-11 total 100000 douyin 20000');
    expect(first.month('2026-11')).toMatchObject({ total: 10_000_000 });
    expect(await w.app.services.books.complaints()).toBe(await w.app.services.books.complaints());
  });

  it('tries a book again after its open failed (a damaged document may have been repaired)', async () => {
    const memory = new MemoryDocStore();
    let refuse = true;
    const docs: DocStore = {
      open: <T>(name: string, defaults: T): Promise<Doc<T>> => (refuse && name === 'targets' ? Promise.reject(new Error('damaged')) : memory.open(name, defaults)),
      list: (p) => memory.list(p),
      remove: (n) => memory.remove(n),
    };
    const books = openBooks(bookOpenersOf(features), { docs, clock: { now: () => new Date() }, calendar: new Calendar('Asia/Shanghai'), playbook: parsePlaybook() });
    await expect(books.targets()).rejects.toThrow('damaged');
    refuse = false;
    const book = await books.targets();
    expect(await books.targets()).toBe(book);
  });

  it('the playbook is parsed once at start into rules objects', async () => {
    const w = await consoleWorld({ start: '2026-11-27T10:00:00+08:00' });
    expect(w.app.services.playbook).toEqual(parsePlaybook({}));
    expect(w.app.services.playbook.complaints.firstResponseMinutes).toBeGreaterThan(0);
  });
});
