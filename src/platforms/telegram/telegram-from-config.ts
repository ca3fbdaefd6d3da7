import { createHash } from 'node:crypto';
import { buildRegistry } from '../../bot/feature.ts';
import { features } from '../../features/index.ts';
import type { Config } from '../../config.ts';
import type { Logger } from '../../domain/log.ts';
import type { DocStore } from '../../domain/ports.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';
import type { ChartDelivery } from '../../chat/chart-delivery.ts';
import { commandMenus } from './telegram-commands.ts';
import { TelegramAdapter } from './telegram-adapter.ts';

/**
 * The Telegram adapter as configured: long polling with TELEGRAM_BOT_TOKEN alone, a webhook
 * when TELEGRAM_WEBHOOK_URL is set. Without TELEGRAM_WEBHOOK_SECRET the secret is derived
 * from the token, so Telegram always sends one and a request without it is refused.
 */
export function telegramFromConfig(config: Config, log: Logger, charts: ChartDelivery | undefined, deps: { docs: DocStore; seen?: SeenBefore }): TelegramAdapter {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const secret = config.TELEGRAM_WEBHOOK_SECRET ?? createHash('sha256').update(`store-ops-bot webhook ${token}`).digest('base64url');
  return new TelegramAdapter({
    token,
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    ...(config.TELEGRAM_WEBHOOK_URL ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, port: config.TELEGRAM_WEBHOOK_PORT, secret, ...(config.HTTP_HOST ? { host: config.HTTP_HOST } : {}) } } : {}),
    docs: deps.docs,
    ...(deps.seen ? { seen: deps.seen } : {}),
    log,
    menus: commandMenus(buildRegistry(features).specs),
    lang: config.BOT_LANG,
    ...(charts ? { charts } : {}),
  });
}
