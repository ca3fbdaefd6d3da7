import type { Config } from '../config.ts';
import type { Logger } from '../domain/log.ts';
import type { ChatAdapter } from '../chat/chat-adapter.ts';
import type { ChartDelivery } from '../chat/chart-delivery.ts';

/** Charts drawn in-process for every platform, axes in the store's time zone; ECharts and resvg load on the first chart. */
export const chartDelivery = (config: Config, log: Logger): ChartDelivery => ({
  render: async (block, ctx) => (await import('../adapters/charts/render-chart.ts')).renderChart(block, ctx),
  timeZone: config.STORE_TIMEZONE,
  log,
});

/**
 * The platform adapters enabled by configuration (a token or puppet set).
 * Each platform adds one line here; with none, `npm start` opens the terminal chat.
 */
export async function buildChatAdapters(config: Config, log: Logger, charts: ChartDelivery = chartDelivery(config, log)): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (config.WECHATY_PUPPET) adapters.push((await import('./wechat/wechat-platform.ts')).createWechatAdapter(config, log, charts));
  if (config.SLACK_BOT_TOKEN) adapters.push((await import('./slack/create-slack-adapter.ts')).createSlackAdapter(config, log, { charts })!);
  if (config.TELEGRAM_BOT_TOKEN) adapters.push((await import('./telegram/telegram-from-config.ts')).telegramFromConfig(config, log, charts));
  if (config.WECOM_BOT_ID || config.WECOM_BOT_TOKEN || Object.keys(config.WECOM_WEBHOOKS).length) {
    const wecom = (await import('./wecom/wecom-from-config.ts')).wecomFromConfig(config, log);
    if (wecom) adapters.push(wecom);
  }
  return adapters;
}
