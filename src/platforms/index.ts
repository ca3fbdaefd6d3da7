import type { Config } from '../config.ts';
import type { Logger } from '../domain/log.ts';
import type { Clock, DocStore } from '../domain/ports.ts';
import type { ChatAdapter } from '../chat/chat-adapter.ts';
import type { ChartDelivery } from '../chat/chart-delivery.ts';
import type { PlatformModule } from '../chat/platform-module.ts';
import { DocSeenBefore } from '../adapters/store/doc-seen-before.ts';
import { consolePlatform } from './console/index.ts';
import { slackPlatform } from './slack/index.ts';
import { telegramPlatform } from './telegram/index.ts';
import { wechatPlatform } from './wechat/index.ts';
import { wecomPlatform } from './wecom/index.ts';

/**
 * Every platform the bot speaks on, one line each. Adding a platform is a folder exporting
 * its PlatformModule (src/platforms/<name>/index.ts) and a line here; the outbound engine
 * paces by these modules' limits and knows their groups from them.
 */
export const PLATFORMS = [
  wechatPlatform,
  slackPlatform,
  telegramPlatform,
  wecomPlatform,
  consolePlatform,
] as const satisfies readonly PlatformModule[];

export type PlatformName = (typeof PLATFORMS)[number]['name'];

/** Charts drawn in-process for every platform, axes in the store's time zone; ECharts and resvg load on the first chart. */
export const chartDelivery = (config: Config, log: Logger): ChartDelivery => ({
  render: async (block, ctx) => (await import('../adapters/charts/render-chart.ts')).renderChart(block, ctx),
  timeZone: config.STORE_TIMEZONE,
  log,
});

/** What the composition root shares with every adapter. */
export interface AdapterDeps {
  docs: DocStore;
  clock?: Clock;
  /** The process's chart drawing (one per process); built here when not given. */
  charts?: ChartDelivery;
}

/**
 * The platform adapters enabled by configuration (a token or puppet set), in list order,
 * each over the process's one document store. With none, `npm start` opens the terminal chat.
 */
export async function buildChatAdapters(config: Config, log: Logger, deps: AdapterDeps, platforms: readonly PlatformModule[] = PLATFORMS): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  const charts = deps.charts ?? chartDelivery(config, log);
  for (const p of platforms) {
    const seen = new DocSeenBefore(deps.docs, `${p.name}/seen`, { ...(deps.clock ? { clock: deps.clock } : {}), ...(p.repeatsWithinMs ? { keepMs: p.repeatsWithinMs } : {}) });
    const adapter = await p.fromConfig?.({ config, log, docs: deps.docs, charts, seen });
    if (adapter) adapters.push(adapter);
  }
  return adapters;
}
