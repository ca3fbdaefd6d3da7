// One way for every adapter to drop a delivery it already handled: platforms repeat a
// message or a button press they think was lost (Slack retries an event, Telegram
// redelivers an update after a crash, WeCom repeats a slow callback, a WeChat puppet
// replays after a reconnect). Kept on disk, so a repeat after a restart is dropped too.

export interface SeenBefore {
  /**
   * True when `key` was seen before (within the platform's repeat horizon); otherwise marks it
   * seen and returns false. Checking and marking are one step: of two concurrent copies, one passes.
   */
  seen(key: string): Promise<boolean>;
  /** Forgets `key`: handling it failed, so the platform's retry should be handled. */
  forget(key: string): Promise<void>;
}
