import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/chat/text/render-text.ts';
import { parsePlaybook } from '../../../src/domain/playbook/playbook.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { consoleWorld } from '../../support/console-world.ts';
import { budgetApp, texts as budgetTexts } from '../budgets/budget-app.ts';
import { campaignApp, order, texts } from '../campaigns/campaign-app.ts';
import { complaintApp, said } from '../complaints/complaint-app.ts';

// Issue 13 point 7: the words the bot answers with, as people meet them in the ops room.

const HAN = /[\u3400-\u9fff]/;

describe('the language of an answer', () => {
  it('a message with no language clue is answered in BOT_LANG', async () => {
    const zh = await consoleWorld({ start: '2026-11-27T14:00:00+08:00', lang: 'zh' });
    for (const q of ['GMV', 'roi', 'ROI', '12']) expect((await zh.say('alice', q)).lang, q).toBe('zh');
    expect(renderText(await zh.say('alice', '12'))).toContain('没太明白');
    const en = await consoleWorld({ start: '2026-11-27T14:00:00+08:00', lang: 'en' });
    for (const q of ['GMV', 'roi', '12']) expect((await en.say('alice', q)).lang, q).toBe('en');
    // A clue still wins over BOT_LANG either way.
    expect((await zh.say('alice', 'gmv today')).lang).toBe('en');
    expect((await en.say('alice', '今天GMV')).lang).toBe('zh');
  });

  it("an English command with a Chinese coupon name gets its error in English, with English segment names", async () => {
    const t = await campaignApp();
    const r = await t.say('alice', 'coupon schedule "满200减30" to segment sleepy daily at 10:00 valid 14 days');
    expect(r.lang).toBe('en');
    const shown = renderText(r);
    expect(shown).toContain('There is no segment "sleepy". Known: high_value_active');
    expect(shown.replace('满200减30', '')).not.toMatch(HAN);
  });
});

describe('English answers read as English', () => {
  it('figures use a half-width (prev …) in English and the full-width one in Chinese', async () => {
    const w = await consoleWorld({ start: '2026-11-27T14:00:00+08:00' });
    const { data, orders } = w.app.services;
    await applyOrders(data, orders, [order('c1', 'o1', '2026-11-26T10:00:00+08:00', 10_000), order('c2', 'o2', '2026-11-27T10:00:00+08:00', 12_000)]);
    const en = renderText(await w.say('alice', 'gmv today'));
    expect(en).toContain('(prev ¥100.00)');
    expect(en).not.toMatch(/[（）]/);
    expect(renderText(await w.say('alice', '今天GMV'))).toContain('（上期 ¥100.00）');
  });

  it('counts carry thousands separators, a campaign that reaches nobody is flagged, and its report shows no 0/0', async () => {
    const t = await campaignApp();
    const { data, orders } = t.app.services;
    // 1,200 more buyers a week ago, none of them linked to a chat account.
    await applyOrders(data, orders, Array.from({ length: 1200 }, (_, i) => order(`x${i}`, `ox-${i}`, '2026-11-20T12:00:00+08:00', 10_000)));
    const preview = texts(await t.say('alice', 'coupon schedule "repurchase spend 200 get 30 off" to purchased-7-days-ago daily at 10:00 valid 14 days'));
    expect(preview).toContain("Audience (today's data): 1,240");
    expect(preview).toContain('Skipped: 1,210 not linked');
    expect(preview).not.toContain('reach nobody');

    // A tier nobody holds: nobody would get it, and the preview says so before "confirm".
    const nobody = await t.say('alice', 'coupon schedule "black spend 300 get 50 off" to tier black daily at 10:00 valid 14 days');
    expect(renderText(nobody)).toContain('⚠ As of today this campaign would reach nobody: the audience is empty.');
    expect(nobody.data).toMatchObject({ reachesNobody: true, pushed: 0 });
    const zh = renderText(await t.say('alice', '发券 "黑卡券 满300减50" 给 等级 黑卡 每天 10:00 有效期14天'));
    expect(zh).toContain('这次活动不会发给任何人');

    const launched = renderText(await t.say('alice', 'confirm'));
    expect(launched).toContain('Campaign #1');
    expect(launched).toContain('⚠ As of today it reaches nobody; send "campaign pause 1" to stop it.');
    await t.tick('2026-11-27T10:00:00+08:00');
    const report = texts(await t.say('alice', 'campaign report 1'));
    expect(report).toContain('results (1 run)');
    expect(report).not.toContain('0/0');
    expect(report).toContain('Nobody has been pushed this coupon yet');
    expect(texts(await t.say('alice', 'campaign 1'))).toContain('1 run so far, 0 codes issued.');
  });
});

describe('messages the bot sends and refusals', () => {
  it('an escalation carries one marker, not ⚠ 🚨', async () => {
    const t = await complaintApp('2026-11-27T10:00:00+08:00', 'en');
    await t.say('alice', 'complaint new order TB1 bottle arrived broken, customer mentions 12315');
    const out = await t.tick('2026-11-27T10:31:00+08:00');
    expect(out).toContain('🚨 Complaint #1');
    expect(out).not.toMatch(/⚠️? 🚨/);
  });

  it('the complaint report says how time is counted: around the clock unless business hours are set', async () => {
    const around = await complaintApp('2026-11-27T10:00:00+08:00');
    const zh = said(await around.say('lee', '投诉报表 本周'));
    expect(zh).toContain('用时按全天计');
    expect(zh).not.toContain('工作时间');
    expect(said(await around.say('lee', 'complaint report this week'))).toContain('Times count around the clock');

    const office = await complaintApp('2026-11-27T10:00:00+08:00');
    // Before the first complaint command, so the desk opens with these hours.
    office.app.services.playbook = parsePlaybook({ complaints: { businessHours: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] } } });
    expect(said(await office.say('lee', '投诉报表 本周'))).toContain('用时按工作时间（09:00–18:00，每周一、二、三、四、五）计');
    expect(said(await office.say('lee', 'complaint report this week'))).toContain('Times count working hours only (09:00–18:00, Mon/Tue/Wed/Thu/Fri)');
  });

  it('resending a sent message names its state in the asker’s words', async () => {
    const w = await consoleWorld({ start: '2026-11-27T10:00:00+08:00', grants: [['console:olive', 'ops_manager']] });
    await w.app.services.outbox.enqueue({ key: 'a', kind: 'test.push', target: { conversation: 'telegram:a' }, reply: { lang: 'en', blocks: [{ type: 'text', text: 'hi' }] }, dueAt: new Date('2026-11-27T01:00:00Z') });
    await w.app.services.outboxStore.update(1, { state: 'sent', messageId: 'm1' });
    const zh = renderText(await w.say('olive', '重发 1'));
    expect(zh).toContain('#1 已经发送成功');
    expect(zh).not.toMatch(/\bsent\b/);
    expect(renderText(await w.say('olive', 'outbox retry 1'))).toContain('#1 was already sent');
  });

  it('help on an unknown topic says so; help on a command shows that command', async () => {
    const w = await consoleWorld({ start: '2026-11-27T10:00:00+08:00' });
    const xyz = renderText(await w.say('alice', 'help xyz'));
    expect(xyz).toContain('There is no help on "xyz"');
    expect(xyz).toContain('help complaints');
    expect(renderText(await w.say('alice', '帮助 火星'))).toContain('没有「火星」的帮助');
    const one = renderText(await w.say('alice', 'help budget request'));
    expect(one).toContain('budget request douyin');
    expect(one).not.toContain('There is no help');
  });

  it('the override audit line shows the share the card showed', async () => {
    const t = await budgetApp();
    await t.say('bob', 'budget set 2026-11 total 100000 douyin 20000 xiaohongshu 15000 tmall 15000 jd 10000');
    const card = budgetTexts(await t.say('alice', 'budget request douyin +10000 for Double 11 live streams'));
    const share = /Douyin would hold (\d+\.\d)% of the month's budget/.exec(card)?.[1];
    expect(share).toBe('30.0');
    await t.say('bob', 'approve 1 override Double 11 live streams are the month');
    const override = t.app.services.audit.latest(10, 'budget.override')[0];
    expect(override.summary).toContain(`Douyin would hold ${share}% of the month's budget`);
    expect(override.summary).not.toContain('40.0%');
  });
});
