import type { Calendar } from '../../domain/calendar.ts';
import type { Audience, Campaign, CampaignStatus, Coupon, Schedule } from '../../domain/campaigns/campaign.ts';
import type { SkipReason } from '../../domain/campaigns/campaign-run.ts';
import { SEGMENT_INFO } from '../../domain/members/rfm.ts';
import { TIER_NAMES } from '../../domain/members/tiers.ts';
import { formatMoney } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { plural } from '../shared/counts.ts';

// How campaigns read in chat, in both languages.

export function audienceText(a: Audience, lang: Lang): string {
  const t = say(lang);
  switch (a.kind) {
    case 'purchased':
      return t(`购买后第 ${a.daysAgo} 天的顾客`, `customers who bought ${plural(a.daysAgo, 'day')} before`);
    case 'segment':
      return t(`分层「${SEGMENT_INFO[a.segment].zh}」`, `segment "${SEGMENT_INFO[a.segment].en}"`);
    case 'tier':
      return t(`等级「${TIER_NAMES[a.tier].zh}」`, `tier "${TIER_NAMES[a.tier].en}"`);
    case 'joined':
      return t(`入会第 ${a.daysAgo} 天的会员`, `members who joined ${plural(a.daysAgo, 'day')} before`);
    case 'all_linked':
      return t('全部已绑定会员', 'all linked members');
  }
}

export function scheduleText(s: Schedule, lang: Lang, cal: Calendar): string {
  const t = say(lang);
  return s.kind === 'daily' ? t(`每天 ${s.time}`, `daily at ${s.time}`) : t(`${cal.formatTime(Date.parse(s.at))} 一次`, `once on ${cal.formatTime(Date.parse(s.at))}`);
}

export function couponText(c: Coupon, lang: Lang, cur: string): string {
  const t = say(lang);
  return t(`「${c.name}」满 ${formatMoney(c.threshold, cur, lang)} 减 ${formatMoney(c.discount, cur, lang)}，有效 ${c.validDays} 天`, `"${c.name}": ${formatMoney(c.discount, cur, lang)} off orders of ${formatMoney(c.threshold, cur, lang)} or more, valid ${plural(c.validDays, 'day')}`);
}

const STATUS: Record<CampaignStatus, [string, string]> = {
  awaiting_approval: ['待审批', 'awaiting approval'],
  active: ['进行中', 'active'],
  paused: ['已暂停', 'paused'],
  cancelled: ['已取消', 'cancelled'],
  rejected: ['已驳回', 'rejected'],
  done: ['已完成', 'done'],
};
export const statusText = (s: CampaignStatus, lang: Lang) => STATUS[s][lang === 'zh' ? 0 : 1];

const SKIPS: Record<SkipReason, [string, string]> = {
  not_linked: ['未绑定', 'not linked'],
  opted_out: ['已退订', 'opted out'],
  capped: ['本月已达上限', 'monthly cap reached'],
};
export const skipText = (r: SkipReason, lang: Lang) => SKIPS[r][lang === 'zh' ? 0 : 1];

export const campaignLine = (c: Campaign, lang: Lang, cal: Calendar) =>
  `#${c.id} ${c.coupon.name} → ${audienceText(c.audience, lang)}，${scheduleText(c.schedule, lang, cal)}（${statusText(c.status, lang)}）`.replace(/，/g, lang === 'zh' ? '，' : ', ').replace(/（(.*)）$/, lang === 'zh' ? '（$1）' : ' ($1)');

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
