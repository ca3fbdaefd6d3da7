import type { Config } from '../config.ts';
import type { Logger } from '../domain/log.ts';
import type { DocStore } from '../domain/ports.ts';
import type { Address, AddressCodec } from './address.ts';
import type { ChartDelivery } from './chart-delivery.ts';
import type { ChatAdapter } from './chat-adapter.ts';
import type { SeenBefore } from './seen-before.ts';

// What a platform folder tells the rest of the bot about itself, in one value: its name,
// how its conversation ids read, how fast it may be sent to, what counts as a group there,
// and how to build its adapter from configuration. src/platforms/index.ts lists them.

/**
 * A sliding window of `count` sends per `perMs`. `platform`: all sends on the platform;
 * `conversation`: each conversation on its own; `group`: each group conversation (not a DM) on its own.
 */
export interface RateLimit {
  scope: 'platform' | 'conversation' | 'group';
  count: number;
  perMs: number;
}

/** What the composition root hands a platform's factory: nothing is opened twice. */
export interface PlatformContext {
  config: Config;
  log: Logger;
  /** The process's one document store. */
  docs: DocStore;
  charts: ChartDelivery;
  /** Deliveries this platform already handled (persisted, kept for the platform's `repeatsWithinMs`). */
  seen: SeenBefore;
}

export interface PlatformModule<Name extends string = string> {
  readonly name: Name;
  readonly address: AddressCodec;
  /** The npm packages (or scopes) of the platform's SDK; only its own folder may import them (the architecture test checks). */
  readonly sdks?: readonly string[];
  /** The platform's send limits, which the outbound engine paces by. */
  readonly pacing: readonly RateLimit[];
  /** Whether the `group` limits apply to a conversation. */
  isGroup(address: Address): boolean;
  /** How long the platform may repeat a delivery; seen-before keys are kept at least this long. */
  readonly repeatsWithinMs?: number;
  /** The adapter when configuration turns the platform on, else undefined (the terminal chat is never built here). */
  fromConfig?(ctx: PlatformContext): Promise<ChatAdapter | undefined>;
}
