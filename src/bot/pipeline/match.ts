import { normalizeText } from '../normalize.ts';
import type { Registry } from '../registry.ts';
import { hintReply } from './hint.ts';
import type { Step } from './step.ts';

/** Finds the command: typed text (folded by normalizeText) or a button press, which names its command. No command: the hint. */
export function matchCommand(registry: Registry): Step {
  return async (ctx, next) => {
    const { incoming } = ctx;
    const raw = incoming.action ? `${incoming.action.id} ${incoming.action.value}` : (incoming.text ?? '');
    const normalized = normalizeText(raw);
    ctx.match = normalized ? registry.match(normalized) : undefined;
    if (!ctx.match) {
      ctx.reply = hintReply(ctx.lang);
      return;
    }
    await next();
  };
}
