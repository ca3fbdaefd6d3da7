import { SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Config } from '../../config.ts';
import type { Logger } from '../../domain/log.ts';
import { fixedClock, systemClock, type Clock, type DocStore } from '../../domain/ports.ts';
import { healthBoard } from '../../adapters/http/health-board.ts';
import type { ChartDelivery } from '../../chat/chart-delivery.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';
import { GuardedHttpReceiver } from './guarded-http-receiver.ts';
import { SlackAdapter } from './slack-adapter.ts';
import { slackLogger } from './slack-logger.ts';
import { makeWebClient } from './slack-sender.ts';

/**
 * The Slack adapter from configuration, or undefined when SLACK_BOT_TOKEN is not set.
 * Socket Mode when SLACK_APP_TOKEN is set (no public URL needed); otherwise HTTP on
 * SLACK_PORT, every request verified with SLACK_SIGNING_SECRET.
 */
export function createSlackAdapter(config: Config, log: Logger, deps: { docs: DocStore; clock?: Clock; port?: number; charts?: ChartDelivery; seen?: SeenBefore }): SlackAdapter | undefined {
  if (!config.SLACK_BOT_TOKEN) return undefined;
  const slackApiUrl = config.SLACK_API_URL;
  let receiver: Receiver;
  if (config.SLACK_APP_TOKEN) {
    const socket = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger: slackLogger(log), installerOptions: { clientOptions: slackApiUrl ? { slackApiUrl } : {} } });
    // The socket's state, for /healthz on the other listeners (Socket Mode itself serves no HTTP).
    socket.client.on('connected', () => healthBoard.set('slack', 'online'));
    socket.client.on('reconnecting', () => healthBoard.set('slack', 'reconnecting'));
    socket.client.on('disconnected', () => healthBoard.set('slack', 'stopped'));
    receiver = socket;
  } else {
    // loadConfig already refused HTTP mode without a signing secret.
    receiver = new GuardedHttpReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, port: deps.port ?? config.SLACK_PORT, logger: slackLogger(log), log, ...(config.HTTP_HOST ? { host: config.HTTP_HOST } : {}) });
  }
  return new SlackAdapter({
    client: makeWebClient(config.SLACK_BOT_TOKEN, slackApiUrl),
    receiver,
    docs: deps.docs,
    ...(deps.seen ? { seen: deps.seen } : {}),
    clock: deps.clock ?? (config.BOT_NOW ? fixedClock(config.BOT_NOW) : systemClock),
    log,
    ...(slackApiUrl ? { slackApiUrl } : {}),
    ...(deps.charts ? { charts: deps.charts } : {}),
  });
}
