import { createServer, type Server } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from '../../../domain/log.ts';

export interface WebhookOptions {
  /** The public URL Telegram posts to; its path is the one served. */
  url: string;
  port: number;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  host?: string;
}

/**
 * Serves Telegram's webhook POSTs on the URL's path. grammY's callback answers 401 before
 * reading the body when the secret header is missing or wrong; it answers 200 after 9 s
 * even if the bot is still working, so Telegram does not deliver the update again.
 */
export async function serveWebhook(bot: Bot, hook: WebhookOptions, log: Logger): Promise<Server> {
  const path = new URL(hook.url).pathname;
  const callback = webhookCallback(bot, 'http', { secretToken: hook.secret, onTimeout: 'return', timeoutMilliseconds: 9000 });
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || (path !== '/' && req.url?.split('?')[0] !== path)) return void res.writeHead(404).end();
    callback(req, res).catch((err: unknown) => {
      log.warn({ err }, 'telegram webhook request failed');
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(hook.port, hook.host ?? '0.0.0.0', () => resolve()));
  return server;
}
