import { say, type Lang } from '../../chat/lang.ts';
import { text, type Reply } from '../../chat/reply.ts';
import type { Logger } from '../../domain/log.ts';
import { DamagedDocumentError } from '../../domain/damaged-document.ts';
import { damagedReply } from '../damaged-data-reply.ts';
import { BotError } from '../errors.ts';
import type { Step } from './step.ts';

/**
 * Every failure of the steps after it becomes a polite answer: a BotError says what to fix,
 * damaged data says which file, anything else is logged with a short ref, never a stack trace.
 */
export function errorReply(log: Logger): Step {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const { lang, incoming } = ctx;
      const command = ctx.match?.spec.id;
      if (err instanceof BotError) {
        ctx.reply = problemReply(lang, err);
        return;
      }
      if (err instanceof DamagedDocumentError) {
        log.error({ damaged: err.damage, command }, 'command refused: data damaged');
        ctx.reply = damagedReply(lang, err.damage);
        return;
      }
      const t = say(lang);
      const ref = Math.random().toString(36).slice(2, 8);
      log.error({ err, ref, command, user: incoming.user, conversation: incoming.conversation }, 'command failed');
      ctx.reply = { lang, blocks: [text(t(`抱歉，处理时出了点问题（编号 ${ref}），已记录。请稍后再试。`, `Sorry, something went wrong on our side (ref ${ref}); it has been logged. Please try again shortly.`), 'warning')], data: { error: 'internal', ref } };
    }
  };
}

/** A problem the user can fix, with a correct example when there is one. */
export function problemReply(lang: Lang, err: BotError): Reply {
  const t = say(lang);
  const blocks = [text(err.text[lang], 'warning')];
  if (err.example) blocks.push(text(t(`例如：${err.example.zh}`, `For example: ${err.example.en}`), 'muted'));
  return { lang, blocks, data: { error: err.code, message: err.text[lang], ...err.extra } };
}
