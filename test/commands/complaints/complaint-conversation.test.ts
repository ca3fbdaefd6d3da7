import { describe, expect, it } from 'vitest';
import { complaintApp, said } from './complaint-app.ts';

// A cs agent logs a complaint in the terminal chat, and the warning and escalations arrive
// in its thread as the clock moves, each once; then the team works it to resolution.

describe('complaints in the terminal chat', () => {
  it('in Chinese: log, warning, escalation, catch-up after downtime, work it, report', async () => {
    const { say, dm, tick, at } = await complaintApp('2026-11-27T10:00:00+08:00', 'zh');
    const logged = await say('alice', '投诉 订单 TB20261101-88 客户：张三 电话13812345678 瓶子破损漏液，客户说要找12315');
    const card = said(logged);
    expect(card).toContain('已登记投诉 #1：严重');
    expect(card).toContain('关键词「12315」（监管投诉）');
    expect(card).toContain('首次响应截止：2026-11-27 10:30');
    expect(card).toContain('解决截止：2026-11-27 14:00');
    expect(card).toContain('138****5678');
    expect(card).toContain('客户 张*');
    expect(card).not.toContain('13812345678');
    expect(card).not.toContain('张三');
    expect(logged.data).toMatchObject({ complaint: 1, severity: 'serious', order: 'TB20261101-88', thread: 'm-101' });

    expect(await tick('2026-11-27T10:20:00+08:00')).toBe('');
    const warning = await tick('2026-11-27T10:24:00+08:00');
    expect(warning).toContain('console:ops-room › m-101'); // in the complaint's thread
    expect(warning).toContain('⏰ 投诉 #1（严重）首次响应将于 2026-11-27 10:30 到期');
    expect(warning).toContain('@alice');
    expect(warning).not.toContain('13812345678');
    expect(await tick('2026-11-27T10:26:00+08:00')).toBe(''); // once

    const escalation = await tick('2026-11-27T10:30:00+08:00');
    expect(escalation).toContain('🚨 投诉 #1（严重）首次响应已于 2026-11-27 10:30 超时，升级至客服主管');
    expect(escalation).toContain('@lee');
    expect(await tick('2026-11-27T10:35:00+08:00')).toBe('');

    expect(said(await say('sam', '受理 1'))).toContain('需要「客服」或更高角色');
    const ack = await say('alice', '受理 1');
    expect(said(ack)).toContain('投诉 #1 已受理，首次响应用时 35分钟');
    expect(said(await say('alice', '受理 1'))).toContain('已经受理过了');

    // Down from 10:40 to 14:30: the 80 % warning (13:12) and the 14:00 escalation come back once each, flagged late.
    const back = await tick('2026-11-27T14:30:00+08:00');
    expect(back.match(/⏰ 投诉 #1/g)).toHaveLength(1);
    expect(back).toContain('解决截止 2026-11-27 14:00，已经过了');
    expect(back.match(/升级至运营经理/g)).toHaveLength(1);
    expect(back).toContain('@mo');
    expect(back).toMatch(/迟到/);
    expect(await tick('2026-11-27T14:31:00+08:00')).toBe('');

    expect(said(await say('alice', '备注 1 已联系客户，补发新品'))).toContain('已记在投诉 #1');
    expect(said(await say('alice', '等待 1'))).toContain('计时暂停');
    expect(await tick('2026-11-27T20:00:00+08:00')).toBe(''); // paused: brand/PR not reached at 18:00
    const list = said(await say('sam', '投诉列表'));
    expect(list).toContain('#1 | 严重 | 等待客户 | 运营经理 | 暂停');
    at('2026-11-27T21:00:00+08:00');
    const resolved = said(await say('alice', '解决 1 补发新品并退运费，客户撤回12315投诉'));
    expect(resolved).toContain('投诉 #1 已解决');
    expect(said(await say('alice', '解决 1 再来一次'))).toContain('已经解决，没有改动');

    // The timeline, masked in the room; in full in a DM to a cs role.
    const room = said(await say('sam', '投诉 1'));
    expect(room).toContain('投诉 #1 · 严重 · 已解决');
    for (const step of ['登记', '升级', '受理', '备注', '等待客户', '恢复计时', '解决']) expect(room).toContain(step);
    expect(room).not.toContain('13812345678');
    const full = said(await dm('alice', '投诉 1'));
    expect(full).toContain('13812345678');
    expect(full).toContain('张三');
    expect(said(await dm('sam', '投诉 1'))).not.toContain('13812345678');

    const report = said(await say('lee', '投诉报表 本周'));
    expect(report).toContain('投诉 1');
    expect(report).toContain('严重 1');
    expect(report).toContain('首次响应 | 1 | 35分钟 | 35分钟');
    expect(report).toContain('超时：首次响应 1 件，解决 1 件。升级：客服主管 1，运营经理 1，品牌公关 0');
  });

  it('in English: bad input is explained and changes nothing; a lead regrades and reopens', async () => {
    const { say, tick } = await complaintApp('2026-11-27T10:00:00+08:00', 'en');
    expect(said(await say('alice', 'complaint new'))).toContain('The text is empty');
    expect(said(await say('sam', 'complaint new parcel never arrived'))).toContain('customer-service agent role (cs_agent) or higher');
    expect(said(await say('alice', 'complaints'))).toContain('No open complaints');

    const logged = said(await say('alice', 'complaint new order JD-778812 customer: Jane Doe via jd parcel never arrived'));
    expect(logged).toContain('Logged complaint #1: normal');
    expect(logged).toContain('keyword "never arrived" (delivery)');
    expect(logged).toContain('customer J*** D**');
    expect(logged).toContain('Resolution due: 2026-11-28 10:00');

    expect(said(await say('alice', 'ack 7'))).toContain('There is no complaint #7');
    expect(said(await say('alice', 'severity 1 serious'))).toContain('customer-service lead role (cs_lead) or higher');
    expect(said(await say('lee', 'severity 1 urgent'))).toContain('serious, normal or watch');
    const regraded = said(await say('lee', 'severity 1 serious'));
    expect(regraded).toContain('Complaint #1 is now serious');
    expect(regraded).toContain('Resolution due: 2026-11-27 14:00');

    const warn = await tick('2026-11-27T10:24:00+08:00');
    expect(warn).toContain('⏰ Complaint #1 (serious): first response due at 2026-11-27 10:30');
    expect(await tick('2026-11-27T10:30:00+08:00')).toContain('escalated to customer-service lead');
    expect(said(await say('alice', 'reopen 1'))).toContain('customer-service lead role');
    expect(said(await say('lee', 'reopen 1'))).toContain('is not resolved');
    expect(said(await say('alice', 'resolve 1'))).toContain('The text is empty');
    expect(said(await say('alice', 'resolve 1 parcel found at the neighbour'))).toContain('Complaint #1 resolved in 30 min');
    const reopened = said(await say('lee', 'reopen 1 customer says box was empty'));
    expect(reopened).toContain('Complaint #1 reopened');
    // One level up already: the next missed deadline goes to the ops manager, then brand/PR.
    const later = await tick('2026-11-27T14:30:00+08:00');
    expect(later).toContain('escalated to operations manager');
    expect(later).toContain('@mo');
    const pr = await tick('2026-11-27T18:30:00+08:00');
    expect(pr).toContain('escalated to brand / PR');
    expect(pr).toContain('@pat');
    expect(await tick('2026-11-28T18:30:00+08:00')).toBe('');

    const one = said(await say('sam', 'complaint 1'));
    expect(one).toContain('Complaint #1 · serious · open');
    expect(one).toContain('set by @lee');
    expect(one).toContain('J*** D**');
    expect(one).not.toContain('Jane Doe');
    const report = said(await say('mo', 'complaint report this week'));
    expect(report).toContain('Escalations: cs lead 1, ops manager 1, brand / PR 1');
    expect(report).toContain('JD | 1 | 1 | 1');
  });
});
