import { withDataWarning } from '../damaged-data-reply.ts';
import type { Step } from './step.ts';

/** Runs the command; while some orders could not be loaded, its answer says so. The last step: no `next`. */
export const runHandler: Step = async (ctx) => {
  const { spec } = ctx.match!;
  ctx.reply = withDataWarning(await spec.handle(ctx.command, ctx.args), ctx.services.orders.state, ctx.lang);
};
