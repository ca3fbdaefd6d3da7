import { LogLevel } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../domain/log.ts';

/** Bolt's logger shape over ours, so Bolt's own lines land in the bot's log. */
export function slackLogger(log: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const line = (m: unknown[]) => m.map((x) => (typeof x === 'string' ? x : x instanceof Error ? x.message : JSON.stringify(x))).join(' ');
  return {
    debug: (...m) => log.debug({ slack: true }, line(m)),
    info: (...m) => log.info({ slack: true }, line(m)),
    warn: (...m) => log.warn({ slack: true }, line(m)),
    error: (...m) => log.error({ slack: true }, line(m)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}
