import type { Incoming, Platform } from '../../commands/incoming.ts';
import type { Reply } from '../../commands/reply.ts';

/** Where a message goes: an opaque conversation id (and thread) as the adapter encoded it. */
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
  start(handler: IncomingHandler): Promise<void>;
  stop(): Promise<void>;
  /** Sends a message the bot speaks first (reminders, escalations, pushes). */
  send(target: Target, reply: Reply): Promise<Sent>;
}
