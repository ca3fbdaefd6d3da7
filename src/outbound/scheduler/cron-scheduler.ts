import cron from 'node-cron';
import type { Logger } from '../../domain/log.ts';

// Runs the engine's tick on a cron pattern in the store's time zone. Usage:
//   const s = startScheduler({ cron: config.TICK_CRON, timeZone, tick: () => runTick(...), log }); … s.stop();
// node-cron does not replay runs missed while the process was down; the tick itself catches up.

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(opts: { cron: string; timeZone: string; tick: () => Promise<unknown>; log: Logger; runNow?: boolean }): Scheduler {
  if (!cron.validate(opts.cron)) throw new Error(`TICK_CRON is not a cron pattern: ${opts.cron}`);
  const run = async () => {
    try {
      await opts.tick();
    } catch (err) {
      opts.log.error({ err }, 'tick failed');
    }
  };
  // noOverlap: a long dispatch (a 100,000-message campaign) is not started twice.
  const task = cron.schedule(opts.cron, run, { timezone: opts.timeZone, noOverlap: true, name: 'outbound-tick' });
  if (opts.runNow ?? true) void run();
  return { stop: async () => void (await task.destroy()) };
}
