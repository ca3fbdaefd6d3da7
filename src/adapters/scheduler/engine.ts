import type { App } from '../../app.ts';
import { buildNoticeSources } from '../../commands/notice-sources.ts';
import { buildDispatcher } from '../outbound/build-dispatcher.ts';
import type { Dispatcher, OutboundSender } from '../outbound/dispatcher.ts';
import { startScheduler, type Scheduler } from './cron-scheduler.ts';
import { runTick, type TickReport } from './run-tick.ts';

/**
 * The outbound engine inside a running bot. Usage (start.ts):
 *   const engine = await OutboundEngine.start(app, [consoleAdapter, ...platforms]);
 *   engine.nudge();      // after a command, so what it queued goes out at once
 *   await engine.stop();
 * Ticks on TICK_CRON in the store's time zone; ticks never overlap.
 */
export class OutboundEngine {
  private running: Promise<TickReport | undefined> = Promise.resolve(undefined);
  private scheduler?: Scheduler;
  private pending = false;

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

  /** Runs a tick after the one in progress (at most one waits). */
  tick(): Promise<TickReport | undefined> {
    if (this.pending) return this.running;
    this.pending = true;
    this.running = this.running.then(() => {
      this.pending = false;
      return runTick(this.app.services, buildNoticeSources(), this.dispatcher);
    });
    return this.running;
  }

  nudge(): void {
    this.tick().catch((err) => this.app.services.log.error({ err }, 'tick failed'));
  }

  async stop(): Promise<void> {
    await this.scheduler?.stop();
    this.dispatcher.stop();
    await this.running.catch(() => undefined);
  }
}
