import type { Lang } from '../../chat/lang.ts';

// Channel names as the team says them; unknown channels show as stored.
const NAMES: Record<string, [string, string]> = {
  tmall: ['天猫', 'Tmall'],
  taobao: ['淘宝', 'Taobao'],
  jd: ['京东', 'JD'],
  douyin: ['抖音', 'Douyin'],
  xiaohongshu: ['小红书', 'Xiaohongshu'],
  wechat: ['微信小程序', 'WeChat mini-program'],
  pinduoduo: ['拼多多', 'Pinduoduo'],
  web: ['官网', 'Online store'],
  pos: ['门店', 'POS'],
};

const ALIASES: Record<string, string> = {
  天猫: 'tmall', 淘宝: 'taobao', 京东: 'jd', 抖音: 'douyin', 小红书: 'xiaohongshu', 红书: 'xiaohongshu', xhs: 'xiaohongshu', 微信: 'wechat', 小程序: 'wechat', 微信小程序: 'wechat', 拼多多: 'pinduoduo', pdd: 'pinduoduo', 官网: 'web', 门店: 'pos', 'mini-program': 'wechat', miniprogram: 'wechat', tiktok: 'douyin',
};

export const channelName = (channel: string, lang: Lang) => NAMES[channel]?.[lang === 'zh' ? 0 : 1] ?? channel;

/** A channel as typed (抖音, Douyin, xhs) → its stored id, or undefined. */
export function channelId(typed: string): string | undefined {
  const t = typed.trim().toLowerCase();
  if (NAMES[t]) return t;
  return ALIASES[t] ?? ALIASES[typed.trim()];
}
