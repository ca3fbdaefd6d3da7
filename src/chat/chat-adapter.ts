import type { Incoming, Platform } from './incoming.ts';
import type { Reply } from './reply.ts';

/**
 * Where a message goes: an opaque conversation id (and thread) as the adapter encoded it.
 * Every id starts with its platform (`slack:C0123`, `telegram:-100123`, `wechat:room:R1@chatroom`);
 * a direct message to a user is `<platform>:dm:<user id on that platform>` (`slack:dm:U0123`,
 * `telegram:dm:123`, `wechat:dm:wxid_abc`, `console:dm:alice`), and the adapter opens the DM itself.
 */
export interface Target {
  conversation: string;
  thread?: string;
}

export interface Sent {
  /** The platform's id of the message it accepted (Slack ts, Telegram message_id, WeChat message id). */
  messageId: string;
}

/** Handles one incoming message or button press and returns what to answer. */
export type IncomingHandler = (incoming: Incoming) => Promise<Reply>;

/**
 * One chat platform. Like Bolt's Receiver: start, stop, and a sender bound to
 * the platform. Entry files only translate: a pure toIncoming(raw) and a render(reply).
 */
export interface ChatAdapter {
  readonly platform: Platform;
  /** Sending needs the session `start` opens (a WeChat login by QR code), so a one-off `tick` cannot send for it. */
  readonly needsLiveSession?: boolean;
  start(handler: IncomingHandler): Promise<void>;
  stop(): Promise<void>;
  /** Sends a message the bot speaks first (reminders, escalations, pushes). */
  send(target: Target, reply: Reply): Promise<Sent>;
}

/**
 * How a send failed, so the outbound engine can pace and retry the right way:
 * - rate_limited: the platform said slow down (429); retry after `retryAfterMs`.
 * - transient: nothing was accepted (connection refused, 5xx before acceptance); safe to retry with backoff.
 * - ambiguous: the request may have been accepted (timeout after it left); never resend blindly.
 * - permanent: will never work (unknown chat, bot removed, bad token); mark failed with the reason.
 */
export type SendFailure = 'rate_limited' | 'transient' | 'ambiguous' | 'permanent';

export class SendError extends Error {
  constructor(
    readonly failure: SendFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
