import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app/compose.ts';
import { LowdbDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import type { Reply } from '../../../src/chat/reply.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';

const config = loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin,slack:UADMIN', BOT_NOW: '2026-11-27T10:00:00+08:00', LOG_LEVEL: 'silent' });
const open = (dir = mkdtempSync(join(tmpdir(), 'roles-'))) => openApp(config, { docs: new LowdbDocStore(dir), log: silentLogger }).then((app) => ({ app, dir }));
const say = (app: Awaited<ReturnType<typeof open>>['app'], user: string, text: string, platform: 'console' | 'slack' = 'console') =>
  app.bot.handle({ platform, conversation: `${platform}:room-1`, user, direct: false, text });
const shown = (r: Reply) => r.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

describe('roles in chat', () => {
  it('BOT_ADMINS are admins from the start; everyone else is staff', async () => {
    const { app } = await open();
    expect((await say(app, 'console:admin', 'whoami')).data).toMatchObject({ roles: ['staff', 'admin'] });
    const r = await say(app, 'console:bob', '我是谁');
    expect(r.data).toMatchObject({ user: 'console:bob', roles: ['staff'] });
    expect(shown(r)).toContain('你是 console:bob，角色：店员 (staff)');
  });

  it('an admin grants and revokes; it takes effect at once and survives a restart', async () => {
    const { app, dir } = await open();
    const g = await say(app, 'console:admin', 'grant console:bob ops_manager');
    expect(shown(g)).toContain('Granted operations manager (ops_manager) to console:bob; effective now.');
    expect(app.services.roles.rolesOf('console:bob')).toContain('ops_manager');
    expect(app.services.roles.usersWith('ops_manager')).toEqual(['console:bob']);
    await say(app, 'console:admin', '授权 @carol 客服主管');
    const again = (await open(dir)).app;
    expect(again.services.roles.rolesOf('console:bob')).toEqual(['staff', 'ops_manager']);
    expect(again.services.roles.rolesOf('console:carol')).toEqual(['staff', 'cs_lead']);
    const rv = await say(again, 'console:admin', '撤销 console:bob ops_manager');
    expect(shown(rv)).toContain('已撤销 console:bob 的「运营经理 (ops_manager)」，立即生效。');
    expect(again.services.roles.rolesOf('console:bob')).toEqual(['staff']);
    expect((await say(again, 'console:admin', 'revoke console:bob ops_manager')).data).toMatchObject({ changed: false });
  });

  it('takes qualified ids from mentions on other platforms', async () => {
    const { app } = await open();
    await say(app, 'slack:UADMIN', 'grant slack:U0123 community', 'slack');
    await say(app, 'slack:UADMIN', 'grant <@U0456> brand_pr', 'slack');
    await say(app, 'slack:UADMIN', 'grant @U0789 cs_agent', 'slack');
    expect(app.services.roles.rolesOf('slack:U0123')).toContain('community');
    expect(app.services.roles.rolesOf('slack:U0456')).toContain('brand_pr');
    expect(app.services.roles.rolesOf('slack:U0789')).toContain('cs_agent');
  });

  it('refuses staff, names the role, and explains bad input with an example', async () => {
    const { app } = await open();
    const r = await say(app, 'console:bob', 'grant console:bob admin');
    expect(r.data).toMatchObject({ error: 'forbidden', needs: 'admin' });
    expect(shown(r)).toContain('This needs the admin role (admin)');
    expect(app.services.roles.rolesOf('console:bob')).toEqual(['staff']);
    const bad = await say(app, 'console:admin', 'grant console:bob wizard');
    expect(bad.data).toMatchObject({ error: 'grant_role' });
    expect(shown(bad)).toContain('There is no role "wizard"');
    expect(shown(bad)).toContain('For example: grant console:bob ops_manager');
    const cfg = await say(app, 'console:admin', 'revoke console:admin admin');
    expect(cfg.data).toMatchObject({ error: 'revoke_configured_admin' });
  });

  it('writes role changes to the audit log, readable by ops managers and filterable by kind', async () => {
    const { app } = await open();
    await say(app, 'console:admin', 'grant console:bob ops_manager');
    await say(app, 'console:admin', 'grant console:dan cs_agent');
    await say(app, 'console:admin', 'revoke console:dan cs_agent');
    await app.services.audit.record({ kind: 'budget.approve', user: 'console:bob', summary: 'approved request 7' });
    expect((await say(app, 'console:dan', 'audit')).data).toMatchObject({ error: 'forbidden', needs: 'ops_manager' });
    const all = (await say(app, 'console:bob', 'audit')).data as { entries: { kind: string; user: string; conversation?: string }[] };
    expect(all.entries.map((e) => e.kind)).toEqual(['budget.approve', 'role.revoke', 'role.grant', 'role.grant']);
    expect(all.entries[1]).toMatchObject({ user: 'console:admin', conversation: 'console:room-1' });
    const roles = (await say(app, 'console:bob', 'audit role')).data as { entries: { kind: string }[] };
    expect(roles.entries.map((e) => e.kind)).toEqual(['role.revoke', 'role.grant', 'role.grant']);
    const zh = await say(app, 'console:bob', '审计 budget');
    expect(shown(zh)).toContain('审计日志 · budget（最近 1 条）');
    const zhRoles = await say(app, 'console:bob', '审计 role');
    const table = zhRoles.blocks.find((b) => b.type === 'table');
    expect(table && table.type === 'table' ? table.rows.map((r) => r[3]) : []).toEqual(['撤销 console:dan 的「客服 (cs_agent)」', '授予 console:dan「客服 (cs_agent)」', '授予 console:bob「运营经理 (ops_manager)」']);
  });
});
