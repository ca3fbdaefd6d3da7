import type { Config } from '../config.ts';
import { parsePacingOverride } from '../config.ts';
import type { Logger } from '../domain/log.ts';
import type { OutboxStore } from './outbox-store.ts';
import { DEFAULT_PACING, type PacingConfig } from './pacing.ts';
import { systemClock, type Clock } from '../domain/ports.ts';
import { Dispatcher, type OutboundSender } from './dispatcher.ts';

/**
 * The dispatcher as configured: default pacing with OUTBOX_RATE_LIMITS overrides, retries and
 * the late note from config. With BOT_NOW set, time starts there and runs on, so pacing and
 * backoff still pass while the scheduled times match the simulated day.
 */
export function buildDispatcher(config: Config, store: OutboxStore, senders: OutboundSender[], log: Logger): Dispatcher {
  const pacing: PacingConfig = { ...DEFAULT_PACING, ...(parsePacingOverride(config.OUTBOX_RATE_LIMITS) ?? {}) };
  return new Dispatcher({
    store,
    adapters: new Map(senders.map((s) => [s.platform, s])),
    pacing,
    retry: { maxAttempts: config.OUTBOX_MAX_ATTEMPTS, baseMs: config.OUTBOX_BACKOFF_MS, maxMs: config.OUTBOX_BACKOFF_MAX_MS },
    clock: config.BOT_NOW ? runningClock(config.BOT_NOW) : systemClock,
    lateAfterMs: config.OUTBOX_LATE_AFTER_MIN * 60_000,
    log,
  });
}

/** A clock that starts at `iso` and advances in real time. */
export function runningClock(iso: string): Clock {
  const offset = Date.parse(iso) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
