import type { PlatformModule } from '../../chat/platform-module.ts';
import { slackAddress } from './slack-ids.ts';
import { SLACK_REPEATS_WITHIN_MS } from './slack-memory.ts';

/** Slack: Bolt over Socket Mode or HTTP, when SLACK_BOT_TOKEN is set. Bolt loads only then. */
export const slackPlatform: PlatformModule<'slack'> = {
  name: 'slack',
  address: slackAddress,
  sdks: ['@slack/bolt', '@slack/web-api', '@slack/socket-mode', '@slack'],
  // chat.postMessage: about one message a second per channel.
  pacing: [{ scope: 'conversation', count: 1, perMs: 1000 }],
  isGroup: (a) => a.kind !== 'dm',
  repeatsWithinMs: SLACK_REPEATS_WITHIN_MS,
  async fromConfig({ config, log, docs, charts, seen }) {
    if (!config.SLACK_BOT_TOKEN) return undefined;
    return (await import('./create-slack-adapter.ts')).createSlackAdapter(config, log, { docs, charts, seen });
  },
};
