import { BotError } from '../errors.ts';
import { problemReply } from './error-reply.ts';
import type { Step } from './step.ts';

/** The words after the phrase, parsed by the command and checked by its zod schema; unreadable ones get an example that works. */
export const parseArguments: Step = async (ctx, next) => {
  const { spec, rest } = ctx.match!;
  const { lang } = ctx;
  const checked = spec.args.safeParse(spec.parse(rest, ctx.command));
  if (checked.success) {
    ctx.args = checked.data;
    return next();
  }
  const ex = spec.examples[lang][0] ?? spec.examples.en[0];
  // Our own schema messages read like "a delay like 3d" (or "3天这样的时长 | a delay like 3d");
  // zod's generic ones are not worth showing, and an English-only one is not shown to a Chinese asker.
  const first = checked.error.issues[0]?.message ?? '';
  const [zhWhy, enWhy] = first.includes(' | ') ? first.split(' | ') : [/[\u4e00-\u9fff]/.test(first) ? first : '', first];
  const why = lang === 'zh' ? zhWhy : /^(a|an|at|on|one|the) /.test(enWhy) ? enWhy : '';
  ctx.reply = problemReply(lang, new BotError('bad_args', { zh: `「${spec.summary.zh}」没看懂${why ? `：${why}` : ''}`, en: `${spec.summary.en}: I couldn't read that${why ? ` — expected ${why}` : ''}` }, { zh: spec.examples.zh[0] ?? ex, en: spec.examples.en[0] ?? ex }));
};
