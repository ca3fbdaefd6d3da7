import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { WechatyBuilder, type WechatyOptions } from 'wechaty';
import type { Config } from '../../config.ts';
import type { Logger } from '../../domain/log.ts';
import type { DocStore } from '../../domain/ports.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';
import type { ChartDelivery } from '../../chat/chart-delivery.ts';
import { WechatAdapter } from './wechat-adapter.ts';

/**
 * The WeChat adapter as configured: Wechaty with the puppet named by WECHATY_PUPPET
 * (and its service token), its login session and the adapter's pending choices and
 * known conversations kept under DATA_DIR.
 */
export function createWechatAdapter(config: Config, log: Logger, charts: ChartDelivery | undefined, deps: { docs: DocStore; seen?: SeenBefore }): WechatAdapter {
  const dir = resolve(config.DATA_DIR);
  mkdirSync(dir, { recursive: true });
  const options: WechatyOptions = {
    // The session file (`wechat-session.memory-card.json`) lets a restart log in without a new scan.
    name: resolve(dir, 'wechat-session'),
    puppet: config.WECHATY_PUPPET as NonNullable<WechatyOptions['puppet']>,
    ...(config.WECHATY_PUPPET_SERVICE_TOKEN ? { puppetOptions: { token: config.WECHATY_PUPPET_SERVICE_TOKEN } } : {}),
  };
  return new WechatAdapter({ wechaty: WechatyBuilder.build(options), docs: deps.docs, ...(deps.seen ? { seen: deps.seen } : {}), log, prefix: config.WECHAT_PREFIX, ...(charts ? { charts } : {}) });
}
