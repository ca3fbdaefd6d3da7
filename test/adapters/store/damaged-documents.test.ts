import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app/compose.ts';
import { JournalOutboxStore } from '../../../src/outbound/journal-outbox-store.ts';
import { LowdbDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import type { Reply } from '../../../src/chat/reply.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Logger } from '../../../src/domain/log.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { order } from '../../domain/orders/helpers.ts';
import { yearGmv } from './import-fixture.ts';

// A damaged data file is named with what is wrong, kept aside (never overwritten), and the bot
// starts with what is intact where that is safe, saying loudly what is missing or refused.

const config = loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', BOT_NOW: '2026-11-27T10:00:00+08:00', LOG_LEVEL: 'silent' });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'damaged-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function recorder() {
  const lines: string[] = [];
  const put = (obj: unknown, msg?: string) => lines.push(msg ?? String(obj));
  const log: Logger = { debug() {}, info: put, warn: put, error: put };
  return { log, lines };
}
const open = async () => {
  const { log, lines } = recorder();
  const app = await openApp(config, { docs: new LowdbDocStore(dir), log });
  return { app, lines, say: (text: string, user = 'console:admin') => app.bot.handle({ platform: 'console', conversation: 'console:room', user, direct: false, text }) };
};
const shown = (r: Reply) => r.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
const asideOf = (rel: string) => readdirSync(join(dir, rel, '..')).filter((f) => f.startsWith(`${rel.split('/').at(-1)}.corrupt-`));

/** Three months of orders, 10,000.00 / 20,000.00 / 30,000.00 of GMV. */
async function threeMonths() {
  const { app } = await open();
  const orders = [9, 10, 11].flatMap((m) => Array.from({ length: m - 8 }, (_, i) => order(`${m}-${i}`, { paid: `2026-${String(m).padStart(2, '0')}-10T10:00:00+08:00`, amount: 1_000_000 })));
  await applyOrders(app.services.data, app.services.orders, orders);
  const manifest = JSON.parse(readFileSync(join(dir, 'orders', 'manifest.json'), 'utf8')) as { customers: string; months: Record<string, string> };
  return { manifest, file: (m: string) => `${manifest.months[m]}.json` };
}

describe('a damaged order month', () => {
  for (const [kind, damage, problem] of [
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2)), /orders\/2026-10\.g1\.json: not JSON: Unterminated string/],
    ['{"hello":1}', () => '{"hello":1}', /orders\/2026-10\.g1\.json: none of its fields .* are there/],
    ['a short column', (text: string) => JSON.stringify({ ...JSON.parse(text), ids: ['only-one'] }), /orders\/2026-10\.g1\.json: column "platform" is missing or not 1 bytes long/],
  ] as const) {
    it(`(${kind}) is named and set aside; the other months load, and answers say which month is missing`, async () => {
      const { file } = await threeMonths();
      const original = damage(readFileSync(join(dir, file('2026-10')), 'utf8'));
      writeFileSync(join(dir, file('2026-10')), original);
      const { app, lines, say } = await open();
      expect(lines.find((l) => l.includes('DATA DAMAGED'))).toMatch(problem);
      expect(lines.find((l) => l.includes('ORDERS INCOMPLETE'))).toContain('2026-10');
      // Kept aside byte for byte; the other two months are there to the cent.
      const aside = asideOf(file('2026-10'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, 'orders', aside[0]), 'utf8')).toBe(original);
      expect(yearGmv(app.services.data)).toBe(1_000_000 + 3_000_000);
      expect(shown(await say('gmv this year'))).toContain('The order files of 2026-10 were damaged and set aside');
      expect(shown(await say('今年GMV'))).toContain('2026-10 的订单文件已损坏并被移开');
      // Still said on the next start, until the month is imported again.
      const again = await open();
      expect(again.lines.join('\n')).toContain('ORDERS INCOMPLETE: the orders of 2026-10');
      await applyOrders(again.app.services.data, again.app.services.orders, [order('10-0', { paid: '2026-10-10T10:00:00+08:00', amount: 1_000_000 }), order('10-1', { paid: '2026-10-10T10:00:00+08:00', amount: 1_000_000 })]);
      const healed = await open();
      expect(healed.lines.join('\n')).not.toContain('ORDERS INCOMPLETE');
      expect(yearGmv(healed.app.services.data)).toBe(6_000_000);
    });
  }

  it('a damaged customer list or manifest loads no orders, says so, and refuses imports rather than mix', async () => {
    for (const which of ['customers', 'manifest'] as const) {
      rmSync(dir, { recursive: true, force: true });
      const { manifest } = await threeMonths();
      const file = which === 'manifest' ? 'orders/manifest.json' : `${manifest.customers}.json`;
      writeFileSync(join(dir, file), '{"names":[');
      const { app, lines, say } = await open();
      expect(lines.join('\n')).toMatch(new RegExp(`ORDERS UNAVAILABLE: ${file.replace(/\./g, '\\.')} cannot be read`));
      expect(shown(await say('gmv this year'))).toContain(`Order data is unavailable (${file} is damaged)`);
      await expect(applyOrders(app.services.data, app.services.orders, [order('x', { paid: '2026-11-01T10:00:00+08:00' })])).rejects.toThrow(`${file} is damaged`);
      // Nothing was written over the committed files.
      expect(readdirSync(join(dir, 'orders')).filter((f) => f.endsWith('.json')).length).toBe(which === 'manifest' ? 4 : 4);
    }
  });
});

describe('a damaged document other than orders', () => {
  for (const [file, ask, askZh, what] of [
    ['approvals.json', 'budget history', '预算记录', 'approval requests'],
    ['budgets.json', 'budget history', '预算记录', 'budgets'],
    ['members/links.json', 'member 13800000000', '会员 13800000000', 'member links'],
  ] as const) {
    for (const content of ['{"broken":', '{"hello":1}']) {
      it(`${file} holding ${content}: refused with an answer naming it, kept aside, still refused after a restart, fine once repaired`, async () => {
        await open();
        const healthy = existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined;
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), content);
        const first = await open();
        const r = await first.say(ask);
        expect(r.data).toMatchObject({ error: 'damaged_data', file });
        expect(shown(r)).toContain(`The ${what} are unavailable: the data file ${file} is damaged`);
        // The answer says what was wrong with the file and where the damaged copy is.
        expect(shown(r)).toMatch(content === '{"hello":1}' ? /\(none of its fields \(.*\) are there\); the damaged file was kept as \S+\.corrupt-/ : /\(not JSON: .*\); the damaged file was kept as \S+\.corrupt-/);
        expect(shown(await first.say(askZh))).toMatch(content === '{"hello":1}' ? /暂不可用：数据文件 \S+ 已损坏（内容不是应有的格式：none of its fields/ : /暂不可用：数据文件 \S+ 已损坏（不是完整有效的 JSON：/);
        const aside = asideOf(file);
        expect(aside).toHaveLength(1);
        expect(readFileSync(join(dir, file, '..', aside[0]), 'utf8')).toBe(content);
        // A restart does not start the document afresh: it is said at start and still refused.
        const second = await open();
        expect(second.lines.join('\n')).toContain(`DATA DAMAGED: ${file}: missing; a damaged copy was set aside earlier`);
        expect((await second.say(ask)).data).toMatchObject({ error: 'damaged_data' });
        expect(shown(await second.say(askZh))).toContain(`已损坏（文件缺失，损坏的副本此前已另存为 ${file.includes('/') ? `${file.split('/')[0]}/` : ''}${aside[0]}）`);
        // Repaired (here: the copy removed, accepting the loss, or a good copy put back), it works again.
        rmSync(join(dir, file, '..', aside[0]));
        if (healthy !== undefined) writeFileSync(join(dir, file), healthy);
        const third = await open();
        expect(third.lines.join('\n')).not.toContain('DATA DAMAGED');
        expect((await third.say(ask)).data).not.toMatchObject({ error: 'damaged_data' });
      });
    }
  }

  it('a document safe to lose (role grants) starts empty, and the start says so', async () => {
    const { say } = await open();
    await say('grant console:bob ops_manager');
    writeFileSync(join(dir, 'access', 'roles.json'), '{"grants":{"console:bob":["ops_');
    const { app, lines } = await open();
    expect(lines.join('\n')).toMatch(/DATA DAMAGED: access\/roles\.json: not JSON: .*, set aside as access\/roles\.json\.corrupt-\S+; starting without it/);
    expect(app.services.roles.rolesOf('console:bob')).toEqual(['staff']);
    expect(app.services.roles.rolesOf('console:admin')).toContain('admin');
    expect(asideOf('access/roles.json')).toHaveLength(1);
  });
});

describe('the outbox journal', () => {
  it('a damaged snapshot stops the start, named, and is left where it is', () => {
    const out = join(dir, 'outbox');
    const store = JournalOutboxStore.open(out, { fsync: false });
    store.compact();
    void store.close();
    for (const bad of ['{"version":1,"entries":[{"id":1', '{"hello":1}']) {
      writeFileSync(join(out, 'snapshot.json'), bad);
      expect(() => JournalOutboxStore.open(out, { fsync: false })).toThrow(/outbox\/snapshot\.json is damaged \((not JSON|it has no list of entries).*README, Storage → Recovery/);
      expect(readFileSync(join(out, 'snapshot.json'), 'utf8')).toBe(bad);
    }
    renameSync(join(out, 'snapshot.json'), join(out, 'snapshot.json.bad'));
    expect(() => JournalOutboxStore.open(out, { fsync: false })).not.toThrow();
  });
});
