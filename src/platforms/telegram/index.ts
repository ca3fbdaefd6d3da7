import type { PlatformModule } from '../../chat/platform-module.ts';
import { telegramAddress } from './telegram-ids.ts';

/** Telegram: grammY, long polling or a webhook, when TELEGRAM_BOT_TOKEN is set. */
export const telegramPlatform: PlatformModule<'telegram'> = {
  name: 'telegram',
  address: telegramAddress,
  sdks: ['grammy', '@grammyjs'],
  // Bot API: 30 messages a second overall, one a second per chat, 20 a minute per group.
  pacing: [
    { scope: 'platform', count: 30, perMs: 1000 },
    { scope: 'conversation', count: 1, perMs: 1000 },
    { scope: 'group', count: 20, perMs: 60_000 },
  ],
  // Groups and supergroups have negative chat ids.
  isGroup: (a) => a.kind !== 'dm' && a.id.startsWith('-'),
  // Telegram keeps an update for 24 hours.
  repeatsWithinMs: 24 * 3_600_000,
  async fromConfig({ config, log, docs, charts, seen }) {
    if (!config.TELEGRAM_BOT_TOKEN) return undefined;
    return (await import('./telegram-from-config.ts')).telegramFromConfig(config, log, charts, { docs, seen });
  },
};
