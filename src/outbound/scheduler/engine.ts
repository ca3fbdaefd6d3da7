import type { App } from '../../app/compose.ts';
import { buildDispatcher } from '../build-dispatcher.ts';
import type { Dispatcher, OutboundSender } from '../dispatcher.ts';
import { startScheduler, type Scheduler } from './cron-scheduler.ts';
import { collectDue } from './run-tick.ts';

/**
 * The outbound engine inside a running bot. Usage (start.ts):
 *   const engine = await OutboundEngine.start(app, [consoleAdapter, ...platforms]);
 *   engine.nudge();      // after a command, so what it queued goes out at once
 *   await engine.stop();
 * Ticks on TICK_CRON in the store's time zone: collect what is due and queue it (never two at once),
 * then make sure a dispatch is running. A dispatch already running (a long campaign) takes in
 * what was queued after it started, so an escalation does not wait for the campaign to finish.
 */
export class OutboundEngine {
  private collecting: Promise<unknown> = Promise.resolve();
  private draining?: Promise<void>;
  private again = false;
  private stopping = false;
  private scheduler?: Scheduler;

  private constructor(
    private readonly app: App,
    readonly dispatcher: Dispatcher,
  ) {}

  static async start(app: App, senders: OutboundSender[]): Promise<OutboundEngine> {
    const dispatcher = buildDispatcher(app.config, app.services.outboxStore, senders, app.services.log);
    const engine = new OutboundEngine(app, dispatcher);
    const recovered = await dispatcher.recover();
    if (recovered.unconfirmed.length) app.services.log.warn({ ids: recovered.unconfirmed.map((e) => e.id) }, 'outbox entries interrupted mid-send are unconfirmed; see `outbox failed`');
    engine.scheduler = startScheduler({ cron: app.config.TICK_CRON, timeZone: app.config.STORE_TIMEZONE, tick: () => engine.tick(), log: app.services.log });
    return engine;
  }

  /**
   * Collects and queues what is due (after any collection in progress), then sets a dispatch going
   * without waiting for it, so the next cron tick is never skipped behind a long campaign.
   */
  async tick(): Promise<void> {
    this.collecting = this.collecting.then(() => collectDue(this.app.services, this.app.noticeSources)).catch((err) => this.app.services.log.error({ err }, 'collecting notices failed'));
    await this.collecting;
    void this.dispatch();
  }

  /** Resolves when nothing is being collected or dispatched. */
  async idle(): Promise<void> {
    await this.collecting;
    while (this.draining) await this.draining;
  }

  /** Starts a dispatch, or asks the running one to look again when it ends. */
  dispatch(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        await this.dispatcher.drain().catch((err) => this.app.services.log.error({ err }, 'dispatch failed'));
      } while (this.again && !this.stopping);
      this.draining = undefined;
    })();
    return this.draining;
  }

  nudge(): void {
    this.tick().catch((err) => this.app.services.log.error({ err }, 'tick failed'));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.scheduler?.stop();
    await this.collecting;
    this.dispatcher.stop();
    await this.draining;
  }
}
