import { describe, expect, it } from 'vitest';
import { CampaignBook } from '../../../src/domain/campaigns/campaign-book.ts';
import { campaignApp, texts } from './campaign-app.ts';

// Each bad schedule gets a reply saying what was wrong and a correct example; nothing is scheduled.

const cases: [string, RegExp][] = [
  ['coupon schedule "wake spend 100 get 20 off" to segment dreaming on 2026-12-01 10:00', /There is no segment "dreaming"\. Known: high_value_active.*sleeping/],
  ['coupon schedule "vip spend 300 get 50 off" to tier platinum daily at 10:00', /There is no tier "platinum"\. Known: member, silver, gold, black/],
  ['coupon schedule "wake spend 100 get 20 off" to segment sleeping on 2026-11-25 10:00', /2026-11-25 10:00 is in the past; pick a time to come/],
  ['coupon schedule "back spend 30 get 50 off" to purchased-7-days-ago daily at 10:00', /the discount must be above zero and below the spend threshold/],
  ['coupon schedule "back spend 200 get 30 off" to purchased-7-days-ago daily at 25:00', /Cannot read the time "25:00"/],
  ['coupon schedule "back spend 200 get 30 off" to purchased-7-days-ago every tuesday', /Say when: daily at 10:00, or on 2026-12-01 10:00/],
  ['coupon schedule "back spend 200 get 30 off" to purchased-7-days-ago 0 10 * * *', /Say when/],
  ['coupon schedule "back spend 200 get 30 off" to purchased-7-days-ago on 2026-02-30 10:00', /Cannot read the date "2026-02-30"/],
  ['coupon schedule "back" to purchased-7-days-ago daily at 10:00', /Cannot read the terms of "back"/],
  ['coupon schedule back spend 200 get 30 off daily at 10:00', /Put the coupon in quotes/],
  ['coupon schedule "back spend 200 get 30 off" daily at 10:00', /Say who gets it/],
  // Issue 13 point 5: bounds on money and dates.
  ['coupon schedule "back spend 1 get 1e308 off" to purchased-7-days-ago daily at 10:00', /"1e308" is exponent notation; write the amount itself/],
  ['coupon schedule "back spend 99999999999999999999 get 30 off" to purchased-7-days-ago daily at 10:00', /"99999999999999999999" is implausibly large: the limit is ¥10,000,000\.00/],
  ['coupon schedule "back spend 30 get 30 off" to purchased-7-days-ago daily at 10:00', /the discount must be above zero and below the spend threshold/],
  ['coupon schedule "wake spend 100 get 20 off" to segment sleeping on 9999-12-31 10:00', /9999-12-31 10:00 is too far ahead: at most 3 years, up to 2029-11-2\d/],
];

describe('bad campaign schedules', () => {
  it.each(cases)('%s', async (line, why) => {
    const t = await campaignApp();
    const r = texts(await t.say('alice', line));
    expect(r).toMatch(why);
    expect(r).toMatch(/For example: coupon schedule "/);
    // Nothing pending to confirm, nothing scheduled.
    expect(texts(await t.say('alice', 'confirm'))).toContain('You have nothing waiting for confirmation here.');
    expect((await CampaignBook.open(t.app.services.docs)).all()).toHaveLength(0);
  });

  it('answers in Chinese with a Chinese example', async () => {
    const t = await campaignApp();
    const r = texts(await t.say('alice', '发券 "回购券 满200减30" 给 等级 钻石卡 每天 10:00'));
    expect(r).toContain('没有「钻石卡」这个等级。可用：普通会员、银卡、金卡、黑卡');
    expect(r).toContain('发券 "会员券 满300减50" 给 等级 金卡 每天 10:00');
    const past = texts(await t.say('alice', '发券 "唤醒券 满100减20" 给 分层 沉睡 在 2026-11-25 10:00'));
    expect(past).toContain('2026-11-25 10:00 已经过去了');
    // Issue 13 point 5, as the issue typed it.
    expect(texts(await t.say('alice', '发券 "回购券 满1减1e308" 给 购买后7天 每天 10:00'))).toContain('「1e308」是科学计数法');
    const huge = texts(await t.say('alice', '发券 "回购券 满99999999999999999999减30" 给 购买后7天 每天 10:00'));
    expect(huge).toContain('大得不合理：上限是 ¥10,000,000.00');
    expect(huge).toContain('例如：发券 "回购券 满200减30"');
    expect(texts(await t.say('alice', '发券 "唤醒券 满100减20" 给 分层 沉睡 在 9999-12-31 10:00'))).toMatch(/9999-12-31 10:00 太远了：最多只能设到 3 年内/);
  });

  it('lets only the community role schedule', async () => {
    const t = await campaignApp();
    expect(texts(await t.say('dave', 'coupon schedule "back spend 200 get 30 off" to purchased-7-days-ago daily at 10:00'))).toMatch(/community/i);
    expect((await CampaignBook.open(t.app.services.docs)).all()).toHaveLength(0);
  });
});
