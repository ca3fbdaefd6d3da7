import { describe, expect, it } from 'vitest';
import { complaintEscalations } from '../../../src/features/complaints/complaint-notices.ts';
import { complaintApp } from './complaint-app.ts';

const at = (iso: string) => new Date(iso);

describe('the complaint notice source', () => {
  it('derives keyed notices for the thread, mentioning the role holders, and skips what is already queued', async () => {
    const { app, say, dm } = await complaintApp('2026-11-27T10:00:00+08:00', 'zh');
    await say('alice', '投诉 客户：张三 电话13812345678 用了以后过敏');
    await dm('alice', '投诉 客户：李四 电话13900001111 快递没到');
    const due = await complaintEscalations.collect(at('2026-11-27T10:31:00+08:00'), app.services);
    expect(due.map((n) => [n.key, n.kind, n.target.conversation, n.target.thread, n.reply.mentions])).toEqual([
      ['complaint:1:warn:first_response', 'complaint.warning', 'console:ops-room', 'm-101', ['console:alice']],
      ['complaint:1:escalate:cs_lead', 'complaint.escalation', 'console:ops-room', 'm-101', ['console:lee']],
      ['complaint:2:warn:first_response', 'complaint.warning', 'console:dm:alice', 'm-102', ['console:alice']],
      ['complaint:2:escalate:cs_lead', 'complaint.escalation', 'console:dm:alice', 'm-102', ['console:lee']],
    ]);
    expect(due[1].dueAt.toISOString()).toBe(at('2026-11-27T10:30:00+08:00').toISOString());
    const body = (i: number) => JSON.stringify(due[i].reply.blocks);
    expect(body(1)).toContain('138****5678'); // group: masked
    expect(body(1)).not.toContain('13812345678');
    expect(body(3)).toContain('13900001111'); // logged in a DM: the DM keeps the full text
    expect(body(1)).toContain('#1');

    for (const n of due) await app.services.outbox.enqueue(n);
    expect(await complaintEscalations.collect(at('2026-11-27T10:32:00+08:00'), app.services)).toEqual([]);
  });

  it('a role nobody holds yet is said plainly instead of a silent mention', async () => {
    const { app, say } = await complaintApp('2026-11-27T10:00:00+08:00', 'en');
    await app.services.access.revoke('console:lee', 'cs_lead');
    await say('alice', 'complaint new customer threatens to call the media');
    const due = await complaintEscalations.collect(at('2026-11-27T10:30:00+08:00'), app.services);
    const escalation = due.find((n) => n.kind === 'complaint.escalation');
    expect(escalation?.reply.mentions).toEqual([]);
    expect(JSON.stringify(escalation?.reply.blocks)).toContain('nobody holds customer-service lead yet');
  });

  it('speaks the language the complaint was logged in, whatever the store language', async () => {
    const { app, say } = await complaintApp('2026-11-27T10:00:00+08:00', 'zh');
    await say('alice', 'complaint new parcel is late, customer upset');
    await say('alice', '投诉 快递太慢了');
    const due = await complaintEscalations.collect(at('2026-11-27T10:31:00+08:00'), app.services);
    const escalation = (id: number) => due.find((n) => n.key === `complaint:${id}:escalate:cs_lead`)!;
    expect(escalation(1).reply.lang).toBe('en');
    expect(JSON.stringify(escalation(1).reply.blocks)).toContain('missed its first response deadline');
    expect(escalation(2).reply.lang).toBe('zh');
    expect(JSON.stringify(escalation(2).reply.blocks)).toContain('升级至客服主管');
  });
});
