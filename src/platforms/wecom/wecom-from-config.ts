import type { Config } from '../../config.ts';
import type { Logger } from '../../domain/log.ts';
import { healthBoard } from '../../adapters/http/health-board.ts';
import type { DocStore } from '../../domain/ports.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';
import { WecomAdapter } from './wecom-adapter.ts';
import { WecomCrypto } from './wecom-crypto.ts';
import { GroupRobots } from './wecom-webhook.ts';

/**
 * The WeCom smart bot as configured: long connection with WECOM_BOT_ID + WECOM_BOT_SECRET,
 * callback mode with WECOM_BOT_TOKEN + WECOM_BOT_ENCODING_AES_KEY on WECOM_BOT_PORT (both may
 * be on), and the group robots named by WECOM_WEBHOOK_<NAME>. Undefined when none is set.
 */
export function wecomFromConfig(config: Config, log: Logger, deps: { docs: DocStore; seen?: SeenBefore }): WecomAdapter | undefined {
  const longConnection = config.WECOM_BOT_ID && config.WECOM_BOT_SECRET ? { botId: config.WECOM_BOT_ID, secret: config.WECOM_BOT_SECRET, ...(config.WECOM_BOT_WS_URL ? { wsUrl: config.WECOM_BOT_WS_URL } : {}) } : undefined;
  const callback = config.WECOM_BOT_TOKEN && config.WECOM_BOT_ENCODING_AES_KEY ? { crypto: new WecomCrypto(config.WECOM_BOT_TOKEN, config.WECOM_BOT_ENCODING_AES_KEY, ''), port: config.WECOM_BOT_PORT, ...(config.HTTP_HOST ? { host: config.HTTP_HOST } : {}) } : undefined;
  const robots = Object.keys(config.WECOM_WEBHOOKS).length ? new GroupRobots(config.WECOM_WEBHOOKS, config.WECOM_API_ROOT) : undefined;
  if (!longConnection && !callback && !robots) return undefined;
  return new WecomAdapter({
    ...(longConnection ? { longConnection } : {}),
    ...(callback ? { callback } : {}),
    ...(robots ? { robots } : {}),
    docs: deps.docs,
    ...(deps.seen ? { seen: deps.seen } : {}),
    log,
    timeZone: config.STORE_TIMEZONE,
    health: healthBoard,
  });
}
