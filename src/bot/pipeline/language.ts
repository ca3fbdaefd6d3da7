import { detectLang } from '../../chat/lang.ts';
import type { Step } from './step.ts';

/** Answers in the language of the question; a button press carries its own (or the store's). */
export const language: Step = async (ctx, next) => {
  const { incoming, services } = ctx;
  ctx.lang = incoming.action ? (incoming.lang ?? services.store.lang) : detectLang(incoming.text, incoming.lang ?? services.store.lang);
  await next();
};
