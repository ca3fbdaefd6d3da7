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
  if (config.WECOM_BOT_ID || config.WECOM_BOT_TOKEN || Object.keys(config.WECOM_WEBHOOKS).length) {
    const wecom = (await import('./wecom/wecom-from-config.ts')).wecomFromConfig(config, log);
    if (wecom) adapters.push(wecom);
  }
  void config;
  void log;
  return adapters;
}
