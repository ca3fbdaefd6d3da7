import type { Calendar } from '../../domain/calendar.ts';
import type { Audience, Coupon, Schedule } from '../../domain/campaigns/campaign.ts';
import { readTerms } from '../../domain/campaigns/coupon-terms.ts';
import { isSegment, SEGMENT_INFO, SEGMENTS, type Segment } from '../../domain/members/rfm.ts';
import { TIER_NAMES, TIERS, tierFromWord } from '../../domain/members/tiers.ts';
import type { CampaignRules } from '../../domain/playbook/campaigns.ts';
import { checkTime } from '../shared/date-input.ts';
import { problem } from '../../bot/errors.ts';
import { amountProblem, moneyScene } from '../shared/money-input.ts';
import type { Services } from '../../bot/services.ts';

// Reads `"回购券 满200减30" to purchased-7-days-ago daily at 10:00 valid 14 days` and its
// Chinese form `"回购券 满200减30" 给 购买后7天 每天 10:00 有效 14天`. Every problem is a
// reply with a correct example; nothing is scheduled until the preview is confirmed.

export const EXAMPLE = {
  zh: '发券 "回购券 满200减30" 给 购买后7天 每天 10:00 有效 14天',
  en: 'coupon schedule "repurchase spend 200 get 30 off" to purchased-7-days-ago daily at 10:00 valid 14 days',
};
const ONCE_EXAMPLE = { zh: '发券 "唤醒券 满100减20" 给 分层 沉睡 在 2026-12-01 10:00', en: 'coupon schedule "wake-up spend 100 get 20 off" to segment sleeping on 2026-12-01 10:00' };

export interface ScheduleWords {
  coupon: Coupon;
  audience: Audience;
  schedule: Schedule;
}

const segmentOf = (w: string): Segment | undefined => {
  const k = w.toLowerCase().replace(/[-\s&]+/g, '_');
  if (isSegment(k)) return k;
  return SEGMENTS.find((s) => SEGMENT_INFO[s].zh === w || SEGMENT_INFO[s].en === w.toLowerCase());
};

function readAudience(s: string, rules: CampaignRules): Audience | undefined {
  let m: RegExpExecArray | null;
  if ((m = /(?:^|\s)(?:to|给)\s+purchased(?:-(\d+)-days?-ago)?(?=\s|$)/i.exec(s)) || (m = /(?:给\s*)?购买后\s*(\d+)?\s*天?(?=\s|$)/.exec(s))) return { kind: 'purchased', daysAgo: m[1] ? Number(m[1]) : rules.purchasedDaysAgo };
  if ((m = /(?:to|给)\s+joined-(\d+)-days?-ago(?=\s|$)/i.exec(s)) || (m = /(?:给\s*)?入会\s*(\d+)\s*天/.exec(s))) return { kind: 'joined', daysAgo: Number(m[1]) };
  if (/(?:to|给)\s+all-linked(?=\s|$)/i.test(s) || /(?:给\s*)?(?:全部|所有)(?:绑定)?会员/.test(s)) return { kind: 'all_linked' };
  if ((m = /(?:to\s+segment|给\s*分层)\s+(\S+)/i.exec(s))) {
    const seg = segmentOf(m[1]);
    if (!seg) throw problem('unknown_segment', `没有「${m[1]}」这个分层。可用：${SEGMENTS.map((x) => SEGMENT_INFO[x].zh).join('、')}`, `There is no segment "${m[1]}". Known: ${SEGMENTS.join(', ')}`, ONCE_EXAMPLE);
    return { kind: 'segment', segment: seg };
  }
  if ((m = /(?:to\s+tier|给\s*等级)\s+(\S+)/i.exec(s))) {
    const tier = tierFromWord(m[1]);
    if (!tier) throw problem('unknown_tier', `没有「${m[1]}」这个等级。可用：${TIERS.map((t) => TIER_NAMES[t].zh).join('、')}`, `There is no tier "${m[1]}". Known: ${TIERS.join(', ')}`, { zh: '发券 "会员券 满300减50" 给 等级 金卡 每天 10:00', en: 'coupon schedule "gold spend 300 get 50 off" to tier gold daily at 10:00' });
    return { kind: 'tier', tier };
  }
  return undefined;
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

type Scene = Pick<Services, 'store' | 'playbook' | 'clock' | 'calendar'>;

function readSchedule(s: string, scene: Scene): Schedule | undefined {
  const cal: Calendar = scene.calendar;
  let m: RegExpExecArray | null;
  if ((m = /(?:daily\s+at|every\s+day\s+at|每天|每日)\s*(\S+)/i.exec(s))) {
    const t = TIME.exec(m[1]);
    if (!t) throw problem('bad_time', `看不懂时间「${m[1]}」，请写成 10:00 这样的 24 小时制`, `Cannot read the time "${m[1]}": write it like 10:00 (24-hour clock)`, EXAMPLE);
    return { kind: 'daily', time: `${t[1].padStart(2, '0')}:${t[2]}` };
  }
  if ((m = /(?:\bon|\bat|在|于)?\s*(\d{4}-\d{1,2}-\d{1,2})(?:\s+(\S+))?/i.exec(s))) {
    const [y, mo, d] = m[1].split('-');
    const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const t = TIME.exec(m[2] ?? '');
    if (!t) throw problem('bad_time', `「${m[1]}」后面要跟一个 10:00 这样的时间`, `Give a time like 10:00 after "${m[1]}"`, ONCE_EXAMPLE);
    const at = cal.parseLocal(`${date} ${t[1].padStart(2, '0')}:${t[2]}`);
    if (at === undefined) throw problem('bad_time', `看不懂日期「${m[1]}」`, `Cannot read the date "${m[1]}"`, ONCE_EXAMPLE);
    checkTime(at, scene, ONCE_EXAMPLE);
    return { kind: 'once', at: new Date(at).toISOString() };
  }
  return undefined;
}

export function readScheduleWords(rest: string, rules: CampaignRules, scene: Scene): ScheduleWords {
  const q = /["“「『']([^"”」』']+)["”」』']/.exec(rest);
  if (!q) throw problem('no_coupon', '请把券名放在引号里，并写明门槛和面额，如 "回购券 满200减30"', 'Put the coupon in quotes with its terms, like "repurchase spend 200 get 30 off"', EXAMPLE);
  const name = q[1].trim();
  const money = moneyScene(scene);
  const terms = readTerms(name, money.currency, money.maxAmount);
  if (!terms.ok && 'typed' in terms) throw amountProblem(terms.why, terms.typed, money, EXAMPLE);
  if (!terms.ok && terms.why === 'below') throw problem('threshold_below_discount', `「${name}」的减免额要大于 0 且低于门槛：满多少要高于减多少，如 满200减30`, `"${name}": the discount must be above zero and below the spend threshold, like spend 200 get 30 off`, EXAMPLE);
  if (!terms.ok) throw problem('no_terms', `看不出「${name}」的门槛和面额，请写成 满200减30`, `Cannot read the terms of "${name}": write them as spend 200 get 30 off (or 满200减30)`, EXAMPLE);
  const s = rest.slice(0, q.index) + ' ' + rest.slice(q.index + q[0].length);
  const audience = readAudience(s, rules);
  if (!audience) throw problem('no_audience', '请写明发给谁：购买后7天、分层 沉睡、等级 金卡、入会14天 或 全部会员', 'Say who gets it: to purchased-7-days-ago, segment sleeping, tier gold, joined-14-days-ago or all-linked', EXAMPLE);
  const schedule = readSchedule(s, scene);
  if (!schedule) throw problem('no_schedule', '请写明什么时候发：每天 10:00，或 在 2026-12-01 10:00', 'Say when: daily at 10:00, or on 2026-12-01 10:00', EXAMPLE);
  const v = /(?:valid(?:\s+for)?|有效期?)\s*(\d+)\s*(?:days?|天)/i.exec(s);
  const validDays = v ? Number(v[1]) : rules.validDays;
  if (validDays < 1 || validDays > 365) throw problem('bad_validity', '有效期要在 1 到 365 天之间', 'Validity must be 1 to 365 days', EXAMPLE);
  return { coupon: { name, ...terms.terms, validDays }, audience, schedule };
}
