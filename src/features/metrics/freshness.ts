import { formatDay } from '../../domain/calendar.ts';
import { newestOrderTime, quietFeeds } from '../../domain/orders/freshness.ts';
import { clockOfDay } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Block, Reply } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';

// How fresh the figures are, for every metric answer's context line ("data to 14:32"),
// and the brief's warning when a platform's feed has gone quiet for longer than usual.

/** "数据截至 14:32" / "data to 14:32" (with the date when it is not today); undefined for an empty store. */
export function freshnessText(services: Services, lang: Lang): string | undefined {
  const now = services.clock.now().getTime();
  const t = newestOrderTime(services.data.book, services.data.rollups, now);
  if (t === undefined) return undefined;
  const cal = services.calendar;
  const day = cal.dayOf(t);
  const clock = clockOfDay(cal.msIntoDay(t));
  const when = day === cal.dayOf(now) ? clock : `${formatDay(day)} ${clock}`;
  return say(lang)(`数据截至 ${when}`, `data to ${when}`);
}

/** The reply with the freshness added to its (last) context line. */
export function withFreshness(reply: Reply, services: Services, lang: Lang): Reply {
  const fresh = freshnessText(services, lang);
  if (!fresh) return reply;
  const blocks = [...reply.blocks];
  const i = blocks.map((b) => b.type).lastIndexOf('context');
  if (i >= 0) blocks[i] = { ...(blocks[i] as Extract<Block, { type: 'context' }>), text: `${(blocks[i] as Extract<Block, { type: 'context' }>).text} · ${fresh}` };
  else blocks.push({ type: 'context', text: fresh });
  return { ...reply, blocks };
}

const hours = (ms: number, lang: Lang) => (ms < 3_600_000 ? say(lang)(`${Math.round(ms / 60_000)} 分钟`, `${Math.round(ms / 60_000)} min`) : say(lang)(`${(ms / 3_600_000).toFixed(1)} 小时`, `${(ms / 3_600_000).toFixed(1)} h`));

/** One line per platform whose feed is quieter than usual, for the daily brief. */
export function quietFeedBlocks(services: Services, lang: Lang): Block[] {
  const now = services.clock.now().getTime();
  return quietFeeds(services.data.book, now).map((f) => ({
    type: 'text' as const,
    tone: 'warning' as const,
    text: say(lang)(`⚠️ ${f.platform} 已 ${hours(f.silentMs, lang)} 没有新订单（平时最长间隔约 ${hours(f.usualGapMs, lang)}），请检查数据接入。`, `⚠️ ${f.platform}: no new orders for ${hours(f.silentMs, lang)} (usually at most ${hours(f.usualGapMs, lang)} apart); check its feed.`),
  }));
}
