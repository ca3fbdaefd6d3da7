import { describe, expect, it } from 'vitest';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { MemberLinks } from '../../../src/domain/members/member-links.ts';
import { campaignApp, order, texts } from './campaign-app.ts';

// 同一流程的中文对话：预览 → 确认 → 定时推送 → 核销 → 报表。

const codeOf = (payload: unknown) => (payload as { data: { code: string } }).data.code;

describe('发券活动（中文）', () => {
  it('预览、确认、按时推送、核销后出报表', async () => {
    const t = await campaignApp();
    const preview = await t.say('alice', '发券 "回购券 满200减30" 给 购买后7天 每天 10:00 有效 14天');
    const p = texts(preview);
    expect(p).toContain('发券预览：「回购券 满200减30」满 ¥200.00 减 ¥30.00，有效 14 天');
    expect(p).toContain('人群（按今天的数据）: 40');
    expect(p).toContain('可触达（已绑定未退订）: 28');
    expect(p).toContain('跳过：未绑定 10，已退订 2');
    const est = preview.data as { pushed: number };
    expect(texts(await t.say('alice', '确认'))).toContain('活动 #1 「回购券 满200减30」满 ¥200.00 减 ¥30.00，有效 14 天 已启动');

    const { out } = await t.tick('2026-11-27T10:00:00+08:00');
    expect(out).toContain('送您一张「回购券 满200减30」：满 ¥200.00 减 ¥30.00，券码 RB-');
    expect(out).toContain('2026-12-11 前有效');
    const sent = t.app.services.outboxStore.list('sent', 1000).filter((e) => e.kind === 'coupon.push');
    expect(sent).toHaveLength(est.pushed);

    expect(texts(await t.say('alice', '活动列表'))).toContain('#1 回购券 满200减30 → 购买后第 7 天的顾客，每天 10:00（进行中）');
    expect(texts(await t.say('alice', '活动 1'))).toContain(`已运行 1 次，共发出 ${est.pushed} 张券码。`);

    const e = sent[0];
    await applyOrders(t.app.services.data, t.app.services.orders, [order(e.key.split(':')[3], 'zh-1', '2026-11-29T20:00:00+08:00', 30_000, codeOf(e.payload))]);
    t.setNow('2026-12-01T09:00:00+08:00');
    const r = texts(await t.say('alice', '活动报表 1'));
    expect(r).toContain(`已发送: ${est.pushed}`);
    expect(r).toContain('已核销: 1');
    expect(r).toContain(`核销率: ${((1 / est.pushed) * 100).toFixed(1)}%`);
    expect(r).toContain('核销订单 GMV: ¥300.00');
    expect(r).toContain('券成本: ¥30.00');
    expect(r).toContain('ROI: 10.00');

    expect(texts(await t.say('alice', '活动 暂停 1'))).toContain('活动 #1 已暂停');
    expect(texts(await t.say('alice', '恢复活动 1'))).toContain('活动 #1 已恢复');
    expect(texts(await t.say('alice', '取消活动 1'))).toContain('活动 #1 已取消');
  });

  it('按分层、等级、入会天数和全部会员圈人', async () => {
    const t = await campaignApp();
    // c01…c05 spend ¥6,000 more and become gold through `会员等级 重算`; c01…c30 linked on Nov 13 = 14 days before.
    const big = [1, 2, 3, 4, 5].map((i) => order(`c0${i}`, `big-${i}`, '2026-11-25T12:00:00+08:00', 600_000));
    await applyOrders(t.app.services.data, t.app.services.orders, big);
    await t.say('alice', '会员等级 重算');
    expect(texts(await t.say('alice', '确认'))).toContain('升级 5 人');
    const audience = async (to: string) => ((await t.say('alice', `发券 "券 满100减10" 给 ${to} 每天 10:00`)).data as { audience: number }).audience;
    expect(await audience('等级 金卡')).toBe(5);
    expect(await audience('入会14天')).toBe((await MemberLinks.open(t.app.services.docs)).active().length);
    expect(await audience('全部会员')).toBe(28);
    expect(await audience('分层 沉睡')).toBe(0);
  });
});
