import type { Logger } from '../../domain/log.ts';
import type { Step } from './step.ts';

/**
 * One debug line per message: the command it ran (none when not understood), how it ended and
 * how long it took, e.g. `{"command":"metrics.ask","outcome":"ok","ms":12.3,...} message handled`.
 * At debug level so a terminal chat or `ask` stays quiet; LOG_LEVEL=debug shows the trace.
 */
export function logHandled(log: Logger, now: () => number = () => performance.now()): Step {
  return async (ctx, next) => {
    const started = now();
    let outcome = 'threw';
    try {
      await next();
      outcome = errorCode(ctx.reply?.data) ?? 'ok';
    } finally {
      log.debug({ command: ctx.match?.spec.id ?? null, outcome, ms: Math.round((now() - started) * 10) / 10, platform: ctx.incoming.platform, conversation: ctx.incoming.conversation }, 'message handled');
    }
  };
}

/** Replies that refuse or fail say why in `data.error` (`not_understood`, `forbidden`, `bad_args`, `internal` ...). */
const errorCode = (data: unknown): string | undefined => (typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'string' ? data.error : undefined);
