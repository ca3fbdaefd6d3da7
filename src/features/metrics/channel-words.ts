import type { Part } from './parts.ts';
import { rulesOf, sticky, type Rule } from './tokenizer.ts';

// Every name a team uses for a channel, mapped to the id the orders carry.
// The store's own channel ids (whatever its imports brought) are words too.

const NAMES: [string, string][] = [
  ['douyin', 'douyin|抖音|tiktok|dy'],
  ['tmall', 'tmall|天猫|tm'],
  ['taobao', 'taobao|淘宝|tb'],
  ['jd', 'jd|京东|jingdong'],
  ['xiaohongshu', 'xiaohongshu|xhs|小红书|红书|red\\s*note|rednote'],
  ['wechat', 'wechat|weixin|微信(?:小程序)?|小程序|mini[-\\s]?programs?'],
  ['pinduoduo', 'pinduoduo|pdd|拼多多'],
  ['web', 'web|官网|网店|独立站|online\\s+store|website'],
  ['pos', 'pos|门店|线下|实体店|in[-\\s]store|retail\\s+store'],
];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function channelRules(storeChannels: readonly string[]): Rule<Part>[] {
  const rules: Rule<Part>[] = NAMES.flatMap(([id, source]) => rulesOf<Part>(source, () => ({ kind: 'channel', id })).map((r) => ({ ...r, re: sticky(`(?:${r.re.source})(?:\\s*(?:渠道|平台|店|channel))?`) })));
  for (const id of storeChannels) rules.push({ re: sticky(`${esc(id)}(?:\\s*(?:渠道|channel))?`), make: () => ({ kind: 'channel', id }) });
  return rules;
}

export const CHANNEL_WORDS = ['douyin', 'tmall', 'taobao', 'jingdong', 'xiaohongshu', 'wechat', 'weixin', 'pinduoduo', 'website', 'channel', 'channels'];
