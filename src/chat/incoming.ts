import type { Lang } from './lang.ts';

/** A platform's name (`slack`, `telegram`, …); the names in use are src/platforms/index.ts's `PlatformName`. */
export type Platform = string;

/** A button press or numbered choice: the command id it runs and the id it acts on. */
export interface Action {
  id: string;
  value: string;
}

/**
 * One message or button press, as every adapter hands it to the bot.
 * `conversation` and `thread` are opaque strings the adapter encodes and decodes
 * (e.g. `slack:C0123`, `telegram:-100123:7`, `wechat:room:R123@chatroom`).
 */
export interface Incoming {
  platform: Platform;
  conversation: string;
  thread?: string;
  /** Platform-qualified user id: `console:alice`, `slack:U0123`, `wechat:wxid_…`, `telegram:123`, `wecom:zhangsan`. */
  user: string;
  userName?: string;
  /** A direct (one-to-one) conversation rather than a group, channel or room. */
  direct: boolean;
  text?: string;
  action?: Action;
  /** The platform's id of the message, for replies and de-duplication. */
  messageId?: string;
  /** Language hint (e.g. Telegram's language_code, or the language of the card a button sat on). */
  lang?: Lang;
}
