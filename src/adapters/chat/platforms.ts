import type { Config } from '../../config.ts';
import type { Logger } from '../../domain/log.ts';
import type { ChatAdapter } from './chat-adapter.ts';

/**
 * The platform adapters enabled by configuration (a token or puppet set).
 * Each platform adds one line here; with none, `npm start` opens the terminal chat.
 */
export async function buildChatAdapters(config: Config, log: Logger): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (config.WECHATY_PUPPET) adapters.push((await import('./wechat/wechat-platform.ts')).createWechatAdapter(config, log));
  if (config.SLACK_BOT_TOKEN) adapters.push((await import('./slack/create-slack-adapter.ts')).createSlackAdapter(config, log)!);
  if (config.TELEGRAM_BOT_TOKEN) adapters.push((await import('./telegram/telegram-from-config.ts')).telegramFromConfig(config, log));
  void config;
  void log;
  return adapters;
}
