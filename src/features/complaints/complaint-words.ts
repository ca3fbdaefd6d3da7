import type { Complaint, Severity, StepKind } from '../../domain/complaints/complaint.ts';
import type { Category } from '../../domain/playbook/complaints.ts';
import { maskText } from '../../domain/privacy/mask.ts';
import { channelName } from '../shared/channels.ts';
import type { Lang } from '../../chat/lang.ts';

// How complaints read in each language, and masking of what the customer said.

const SEVERITY: Record<Severity, [string, string]> = { serious: ['严重', 'serious'], normal: ['一般', 'normal'], watch: ['关注', 'watch'] };
const CATEGORY: Record<Category, [string, string]> = {
  safety: ['安全', 'safety'], allergy: ['过敏', 'allergy'], counterfeit: ['假货', 'counterfeit'], regulator: ['监管投诉', 'regulator'], media: ['媒体', 'media'],
  quality: ['质量', 'quality'], delivery: ['物流', 'delivery'], refund: ['退款', 'refund'], attitude: ['服务态度', 'attitude'],
};
const STEP: Record<StepKind, [string, string]> = {
  logged: ['登记', 'logged'], ack: ['受理', 'acknowledged'], note: ['备注', 'note'], waiting: ['等待客户', 'waiting on customer'], resumed: ['恢复计时', 'clocks resumed'],
  resolved: ['解决', 'resolved'], reopened: ['重开', 'reopened'], severity: ['改级', 'severity changed'], escalated: ['升级', 'escalated'],
};
const STATUS: Record<Complaint['status'], [string, string]> = { open: ['处理中', 'open'], waiting: ['等待客户', 'waiting'], resolved: ['已解决', 'resolved'] };

const pick = (pair: [string, string], lang: Lang) => pair[lang === 'zh' ? 0 : 1];
export const severityName = (s: Severity, lang: Lang) => pick(SEVERITY[s], lang);
export const categoryName = (c: Category, lang: Lang) => pick(CATEGORY[c], lang);
export const stepName = (k: StepKind, lang: Lang) => pick(STEP[k], lang);
export const statusName = (s: Complaint['status'], lang: Lang) => pick(STATUS[s], lang);

/** Severity words as typed: 严重 / serious … */
export function readSeverity(word: string): Severity | undefined {
  const w = word.trim().toLowerCase();
  for (const [s, [zh, en]] of Object.entries(SEVERITY)) if (w === zh || w === en || w === s) return s as Severity;
  return { 重大: 'serious', 普通: 'normal', 观察: 'watch', high: 'serious', medium: 'normal', low: 'watch' }[w] as Severity | undefined;
}

/** Why it has this severity: the keyword that matched, or who set it. */
export function reasonOf(c: Complaint, lang: Lang, who: (user: string) => string): string {
  if (c.severityBy) return lang === 'zh' ? `由 ${who(c.severityBy)} 设定` : `set by ${who(c.severityBy)}`;
  if (c.category && c.keyword) return lang === 'zh' ? `关键词「${c.keyword}」（${categoryName(c.category, lang)}）` : `keyword "${c.keyword}" (${categoryName(c.category, lang)})`;
  return lang === 'zh' ? '未命中严重或一般关键词' : 'no serious or normal keyword';
}

/** A display name for a user id: `console:alice` → `@alice`. */
export const who = (user: string) => (user === 'system' ? 'bot' : `@${user.replace(/^[a-z]+:(dm:)?/, '')}`);

/** Hides phones, addresses and the customer's name unless `full`. */
export const shield = (c: Complaint, full: boolean) => (s: string) => (full ? s : maskText(s, c.customer ? [c.customer] : []));

export function duration(msValue: number, lang: Lang): string {
  const mins = Math.round(msValue / 60_000);
  const [d, h, m] = [Math.floor(mins / 1440), Math.floor((mins % 1440) / 60), mins % 60];
  const parts = lang === 'zh' ? [d && `${d}天`, h && `${h}小时`, (m || mins === 0) && `${m}分钟`] : [d && `${d} d`, h && `${h} h`, (m || mins === 0) && `${m} min`];
  return parts.filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

export const channelLabel = (c: Complaint, lang: Lang) => (c.channel ? channelName(c.channel, lang) : lang === 'zh' ? '未注明' : 'not given');
