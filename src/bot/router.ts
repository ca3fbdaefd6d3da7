import type { Logger } from '../domain/log.ts';
import type { Incoming } from '../chat/incoming.ts';
import type { Lang } from '../chat/lang.ts';
import type { Reply } from '../chat/reply.ts';
import type { Registry } from './registry.ts';
import type { Services } from './services.ts';
import { parseArguments } from './pipeline/arguments.ts';
import { chartsOff } from './pipeline/charts-off.ts';
import { errorReply } from './pipeline/error-reply.ts';
import { runHandler } from './pipeline/handler.ts';
import { hintReply } from './pipeline/hint.ts';
import { identity } from './pipeline/identity.ts';
import { language } from './pipeline/language.ts';
import { logHandled } from './pipeline/log-handled.ts';
import { matchCommand } from './pipeline/match.ts';
import { permission } from './pipeline/permission.ts';
import { compose, MessageContext, type Step } from './pipeline/step.ts';

/**
 * The one place a message becomes a Reply, as a list of steps (src/bot/pipeline/):
 *   language → identity → [cross-cutting steps] → charts-off → match → error reply → permission → arguments → handler
 * Button presses arrive as actions and run the command they name, through the same steps as typed text.
 * A cross-cutting step (logging, a rate limit, tracing) is added in one place: `bot.use(step)`; it runs
 * once the language and the asker's roles are known, around everything that answers.
 */
export class Bot {
  private readonly around: Step[] = [];
  private pipeline?: (ctx: MessageContext) => Promise<void>;

  constructor(
    readonly services: Services,
    readonly registry: Registry,
    private readonly log: Logger = services.log,
  ) {
    // Every bot logs each message it handled (debug level): the command and how long it took.
    this.use(logHandled(log));
  }

  /** Adds a step around the answering steps, after the ones added before it. */
  use(step: Step): this {
    this.around.push(step);
    this.pipeline = undefined;
    return this;
  }

  async handle(incoming: Incoming): Promise<Reply> {
    const ctx = new MessageContext(incoming, this.services);
    this.pipeline ??= compose([language, identity, ...this.around, chartsOff, matchCommand(this.registry), errorReply(this.log), permission, parseArguments, runHandler]);
    await this.pipeline(ctx);
    return ctx.reply ?? this.hint(ctx.lang);
  }

  /** What we say to a message we cannot place: two examples that would work. */
  hint(lang: Lang): Reply {
    return hintReply(lang);
  }
}
