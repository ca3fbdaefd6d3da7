import { describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app/compose.ts';
import type { Reply } from '../../../src/chat/reply.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/domain/log.ts';

async function outboxApp() {
  const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_ADMINS: 'console:admin', BOT_NOW: '2026-11-27T10:00:00+08:00', LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
  await app.services.access.grant('console:olive', 'ops_manager');
  const due = new Date('2026-11-27T01:00:00Z');
  const reply: Reply = { lang: 'en', blocks: [{ type: 'text', text: 'hi' }] };
  for (const key of ['a', 'b', 'c', 'd']) await app.services.outbox.enqueue({ key, kind: 'test.push', target: { conversation: `telegram:${key}` }, reply, dueAt: due });
  const store = app.services.outboxStore;
  await store.update(1, { state: 'sent', messageId: 'm1' });
  await store.update(2, { state: 'failed', attempts: 5, reason: 'gave up after 5 attempts: HTTP 502' });
  await store.update(3, { state: 'unconfirmed', reason: 'interrupted while sending (crash or restart); it may or may not have arrived' });
  const say = (text: string, user = 'console:olive') => app.bot.handle({ platform: 'console', conversation: 'console:ops-room', user, direct: false, text });
  return { app, say };
}

const shown = (r: Reply) => r.blocks.map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((x) => x.join(' ')).join('\n') : b.type === 'figures' ? b.items.map((i) => `${i.label} ${i.value}`).join('\n') : '')).join('\n');

describe('outbox commands', () => {
  it('shows counts to everyone, in both languages', async () => {
    const { say } = await outboxApp();
    const en = await say('outbox', 'console:anyone');
    expect(en.data).toMatchObject({ pending: 1, sent: 1, failed: 1, unconfirmed: 1 });
    expect(shown(en)).toContain('Failed 1');
    expect(shown(await say('发送队列', 'console:anyone'))).toContain('未确认 1');
  });

  it('lists failed and unconfirmed entries with the reason', async () => {
    const { say } = await outboxApp();
    const r = await say('outbox failed');
    expect(shown(r)).toContain('#2 failed test.push telegram:b');
    expect(shown(r)).toContain('gave up after 5 attempts: HTTP 502');
    expect(shown(r)).toContain('#3 unconfirmed');
    expect(shown(await say('发送失败'))).toContain('「未确认」可能已送达');
  });

  it('re-queues one on an ops manager\'s word, audited; refuses staff and what has not failed', async () => {
    const { app, say } = await outboxApp();
    expect((await say('outbox retry 2', 'console:bob')).data).toMatchObject({ error: 'forbidden', needs: 'ops_manager' });
    const r = await say('outbox retry 2');
    expect(shown(r)).toContain('#2 is queued again');
    expect(app.services.outboxStore.get(2)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(app.services.audit.latest(1, 'outbox')[0]).toMatchObject({ kind: 'outbox.retry', user: 'console:olive', data: { id: 2, was: 'failed' } });
    const unsure = await say('重发 3');
    expect(shown(unsure)).toContain('对方可能收到两次');
    expect((await say('outbox retry 1')).data).toMatchObject({ error: 'outbox_not_failed' });
    expect((await say('outbox retry 99')).data).toMatchObject({ error: 'outbox_unknown' });
    expect(shown(await say('outbox retry x'))).toContain('For example: outbox retry 42');
  });
});
