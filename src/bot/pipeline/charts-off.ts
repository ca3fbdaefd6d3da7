import { chartsOn } from '../../features/charts/chart-prefs.ts';
import type { Step } from './step.ts';

/** After the answer: charts stay in the reply (text renderers and --json use them); only the pictures follow the conversation's choice. */
export const chartsOff: Step = async (ctx, next) => {
  await next();
  const reply = ctx.reply;
  if (reply && reply.blocks.some((b) => b.type === 'chart') && !(await chartsOn(ctx.services.docs, ctx.incoming.conversation))) ctx.reply = { ...reply, chartImages: false };
};
