import type { PlatformModule } from '../../chat/platform-module.ts';
import { wechatAddress } from './wechat-ids.ts';

/** WeChat through a Wechaty puppet, when WECHATY_PUPPET is set. Wechaty loads only then. */
export const wechatPlatform: PlatformModule<'wechat'> = {
  name: 'wechat',
  address: wechatAddress,
  sdks: ['wechaty', 'wechaty-puppet'],
  // Personal accounts get flagged for bursts: one message per 3 s per chat, 20 a minute overall.
  pacing: [
    { scope: 'conversation', count: 1, perMs: 3000 },
    { scope: 'platform', count: 20, perMs: 60_000 },
  ],
  isGroup: (a) => a.kind !== 'dm',
  repeatsWithinMs: 24 * 3_600_000,
  async fromConfig({ config, log, docs, charts, seen }) {
    if (!config.WECHATY_PUPPET) return undefined;
    return (await import('./wechat-platform.ts')).createWechatAdapter(config, log, charts, { docs, seen });
  },
};
