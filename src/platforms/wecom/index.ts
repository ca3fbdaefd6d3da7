import type { PlatformModule } from '../../chat/platform-module.ts';
import { wecomAddress } from './wecom-ids.ts';

/** The WeCom smart bot (long connection and/or callback) and its group robots, when any is configured. */
export const wecomPlatform: PlatformModule<'wecom'> = {
  name: 'wecom',
  address: wecomAddress,
  sdks: ['@wecom/aibot-node-sdk', '@wecom'],
  // WeCom lets each group robot (and the smart bot in each chat) send 20 messages a minute.
  pacing: [{ scope: 'conversation', count: 20, perMs: 60_000 }],
  isGroup: (a) => a.kind !== 'dm',
  repeatsWithinMs: 24 * 3_600_000,
  async fromConfig({ config, log, docs, seen }) {
    if (!config.WECOM_BOT_ID && !config.WECOM_BOT_TOKEN && !Object.keys(config.WECOM_WEBHOOKS).length) return undefined;
    return (await import('./wecom-from-config.ts')).wecomFromConfig(config, log, { docs, seen });
  },
};
