import type { Step } from './step.ts';

/** Who is asking: the roles the role book gives the user. */
export const identity: Step = async (ctx, next) => {
  ctx.roles = ctx.services.roles.rolesOf(ctx.incoming.user);
  await next();
};
