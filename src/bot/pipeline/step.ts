import type { Incoming } from '../../chat/incoming.ts';
import type { Lang } from '../../chat/lang.ts';
import type { Reply } from '../../chat/reply.ts';
import type { Role } from '../../domain/roles.ts';
import type { Match } from '../registry.ts';
import type { Services } from '../services.ts';
import type { CommandContext } from '../spec.ts';

/**
 * One message on its way through the pipeline. Each step fills in what it knows (language,
 * roles, the command matched, its arguments) and the step that answers sets `reply`.
 */
export class MessageContext {
  /** The language to answer in (the language step). */
  lang: Lang;
  /** The asker's roles (the identity step). */
  roles: Role[] = [];
  /** The command and the words after its phrase (the match step). */
  match?: Match;
  /** The arguments, checked by the command's zod schema (the arguments step). */
  args?: unknown;
  /** The answer. A step that sets it and does not call `next` ends the message there. */
  reply?: Reply;
  private commandCtx?: CommandContext;

  constructor(
    readonly incoming: Incoming,
    readonly services: Services,
  ) {
    this.lang = services.store.lang;
  }

  /** What the command's parse and handle see: one object for both, made once language and roles are known. */
  get command(): CommandContext {
    return (this.commandCtx ??= { incoming: this.incoming, lang: this.lang, services: this.services, roles: this.roles });
  }
}

/** A step in grammY's (and Koa's) shape: do something, `await next()` to run the rest, look at the reply after. */
export type Step = (ctx: MessageContext, next: () => Promise<void>) => Promise<void>;

/**
 * Runs steps in order as one. A small copy of koa-compose rather than the package: its types pull
 * in all of Koa's, and grammY's Composer is bound to grammY's own Context.
 */
export function compose(steps: readonly Step[]): (ctx: MessageContext) => Promise<void> {
  return (ctx) => {
    let last = -1;
    const run = async (i: number): Promise<void> => {
      if (i <= last) throw new Error('a pipeline step called next() twice');
      last = i;
      const step = steps[i];
      if (step) await step(ctx, () => run(i + 1));
    };
    return run(0);
  };
}
