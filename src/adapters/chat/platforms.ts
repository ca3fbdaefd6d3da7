import type { Config } from '../../config.ts';
import type { Logger } from '../../domain/log.ts';
import type { ChatAdapter } from './chat-adapter.ts';

/**
 * The platform adapters enabled by configuration (a token or puppet set).
 * Each platform adds one line here; with none, `npm start` opens the terminal chat.
 */
export async function buildChatAdapters(config: Config, log: Logger): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  void config;
  void log;
  return adapters;
}
