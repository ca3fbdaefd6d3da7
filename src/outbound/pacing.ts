// Paced delivery: per-platform limits, each a sliding window of `count` sends per `perMs`.
// Usage: `const pacer = new Pacer(limits)`; `pacer.waitMs(conversation, now)` says how long
// until a send is allowed; `pacer.record(conversation, now)` books it.

import { AddressBook, looksDirect, platformOf } from '../chat/address.ts';
import type { PlatformModule, RateLimit } from '../chat/platform-module.ts';
import { PLATFORMS } from '../platforms/index.ts';

export type { RateLimit };
export { platformOf };

/** Limits by platform name, the prefix of the conversation id (`telegram`, `slack`, …). */
export type PacingConfig = Record<string, RateLimit[]>;

/** Each platform's own limits, as its module declares them. */
export function pacingOf(platforms: readonly PlatformModule[]): PacingConfig {
  return Object.fromEntries(platforms.filter((p) => p.pacing.length > 0).map((p) => [p.name, p.pacing.map((l) => ({ ...l }))]));
}

/**
 * Whether the `group` limits apply to a conversation, as its platform says; a conversation no
 * platform can read counts as a group unless it is a DM (`<platform>:dm:…`).
 */
export function groupRuleOf(platforms: readonly PlatformModule[]): (conversation: string) => boolean {
  const book = new AddressBook(platforms.map((p) => p.address));
  const byName = new Map(platforms.map((p) => [p.name, p]));
  return (conversation) => {
    const address = book.decode(conversation);
    const platform = byName.get(platformOf(conversation));
    return address && platform ? platform.isGroup(address) : !looksDirect(conversation);
  };
}

export const DEFAULT_PACING: PacingConfig = pacingOf(PLATFORMS);

export const isGroup = groupRuleOf(PLATFORMS);

/** Multiplies every limit's count (benches run a scaled-up stand-in). */
export function scalePacing(config: PacingConfig, factor: number): PacingConfig {
  return Object.fromEntries(Object.entries(config).map(([p, ls]) => [p, ls.map((l) => ({ ...l, count: l.count * factor }))]));
}

export class Pacer {
  /** Send times per window key, oldest first. */
  private readonly windows = new Map<string, number[]>();
  /** Platform-wide limits also spread sends evenly (GCRA): the theoretical time of the next send. */
  private readonly tat = new Map<string, number>();
  private static readonly BURST = 3;

  /**
   * Each window is widened a little — by `margin` (3%) but at least `jitterMs` — so that
   * jitter between when we send and when the platform counts never adds up to a 429.
   */
  constructor(
    private readonly config: PacingConfig,
    private readonly margin = 1.03,
    private readonly jitterMs = 25,
    private readonly inGroup: (conversation: string) => boolean = isGroup,
  ) {}

  private interval(limit: RateLimit): number {
    return this.span(limit) / limit.count;
  }

  private span(limit: RateLimit): number {
    return Math.max(limit.perMs * this.margin, limit.perMs + this.jitterMs);
  }

  private keys(conversation: string): { key: string; limit: RateLimit }[] {
    const platform = platformOf(conversation);
    const limits = this.config[platform] ?? [];
    const out: { key: string; limit: RateLimit }[] = [];
    for (const limit of limits) {
      if (limit.scope === 'group' && !this.inGroup(conversation)) continue;
      const key = limit.scope === 'platform' ? `${platform}|${limit.count}/${limit.perMs}` : `${conversation}|${limit.count}/${limit.perMs}`;
      out.push({ key, limit });
    }
    return out;
  }

  /** Milliseconds until `conversation` may send again (0 = now), counting every limit. */
  waitMs(conversation: string, now: number): number {
    return Math.max(this.platformWaitMs(platformOf(conversation), now), this.conversationWaitMs(conversation, now));
  }

  /** Only the platform-wide limits. */
  platformWaitMs(platform: string, now: number): number {
    return this.wait(this.keys(`${platform}:`).filter((k) => k.limit.scope === 'platform'), now, `${platform}|hold`);
  }

  /** Only the limits of this one conversation. */
  conversationWaitMs(conversation: string, now: number): number {
    return this.wait(this.keys(conversation).filter((k) => k.limit.scope !== 'platform'), now, `${conversation}|hold`);
  }

  private wait(keys: { key: string; limit: RateLimit }[], now: number, holdKey: string): number {
    let wait = (this.windows.get(holdKey)?.[0] ?? 0) - now;
    for (const { key, limit } of keys) {
      const times = this.windows.get(key);
      if (!times || times.length < limit.count) continue;
      const oldest = times[times.length - limit.count];
      wait = Math.max(wait, oldest + this.span(limit) - now);
    }
    for (const { key, limit } of keys) {
      // A full window sent at once arrives spread out and would crowd the next window at
      // the platform's end: so platform-wide sends go out evenly, with a small burst allowance.
      const tat = this.tat.get(key);
      if (limit.scope === 'platform' && tat !== undefined) wait = Math.max(wait, tat - this.interval(limit) * Math.min(limit.count - 1, Pacer.BURST) - now);
    }
    return Math.max(0, Math.ceil(wait));
  }

  record(conversation: string, now: number): void {
    for (const { key, limit } of this.keys(conversation)) {
      let times = this.windows.get(key);
      if (!times) this.windows.set(key, (times = []));
      times.push(now);
      if (times.length > limit.count * 2) times.splice(0, times.length - limit.count);
      if (limit.scope === 'platform') this.tat.set(key, Math.max(this.tat.get(key) ?? now, now) + this.interval(limit));
    }
  }

  /**
   * A send booked at `bookedAt` actually left at `sentAt` (after the write-ahead):
   * move it, so the next send is spaced from when this one really went out.
   */
  moved(conversation: string, bookedAt: number, sentAt: number): void {
    if (sentAt <= bookedAt) return;
    for (const { key } of this.keys(conversation)) {
      const times = this.windows.get(key);
      const i = times ? times.lastIndexOf(bookedAt) : -1;
      if (!times || i < 0) continue;
      times[i] = sentAt;
      times.sort((a, b) => a - b);
    }
  }

  /** The platform said slow down (429 with Retry-After): hold this conversation, or the whole platform, until `until`. */
  holdUntil(conversation: string, until: number, wholePlatform = false): void {
    const key = wholePlatform ? `${platformOf(conversation)}|hold` : `${conversation}|hold`;
    this.windows.set(key, [Math.max(until, this.windows.get(key)?.[0] ?? 0)]);
  }
}
