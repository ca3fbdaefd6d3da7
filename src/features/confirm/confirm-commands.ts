import { z } from 'zod';
import { holds } from '../../domain/roles.ts';
import { say } from '../../chat/lang.ts';
import { text, type Reply } from '../../chat/reply.ts';
import { roleName } from '../../bot/role-names.ts';
import { defineCommand, type CommandContext } from '../../bot/spec.ts';
import { takeConfirmation, type Confirmable } from './pending-confirmations.ts';

// `confirm` / `确认` and `cancel` / `取消`: finish or drop the pending preview of this user
// in this conversation (see pending-confirmations.ts). Buttons send `confirm <id>`.

const args = z.object({ id: z.number().int().positive().optional() });
const parse = (rest: string) => {
  const m = /^#?(\d+)$/.exec(rest.trim());
  return rest.trim() === '' ? {} : m ? { id: Number(m[1]) } : { id: -1 };
};

function nothing(ctx: CommandContext, why: 'none' | 'expired' | 'other'): Reply {
  const t = say(ctx.lang);
  const msg =
    why === 'expired'
      ? t('这个确认已过期，什么也没做。请重新发起。', 'That confirmation has expired; nothing was done. Please start again.')
      : why === 'other'
        ? t('这个按钮对应的预览已被新的预览替换，什么也没做。', 'That preview was replaced by a newer one; nothing was done.')
        : t('你在这里没有待确认的操作。', 'You have nothing waiting for confirmation here.');
  return { lang: ctx.lang, blocks: [text(msg, 'warning')], data: { error: `confirm_${why}` } };
}

/** `confirmables`: every feature's confirmable actions (the features list gathers them). */
export const confirmCommand = (confirmables: Confirmable<any>[]) =>
  defineCommand({
    id: 'confirm',
    phrases: { zh: ['确认', '确定'], en: ['confirm'] },
    summary: { zh: '确认待执行的操作', en: 'Confirm the pending action' },
    examples: { zh: ['确认'], en: ['confirm'] },
    role: 'staff',
    args,
    parse,
    async handle(ctx, a) {
      const taken = await takeConfirmation(ctx, a.id);
      if ('missing' in taken) return nothing(ctx, taken.missing);
      const c = confirmables.find((k) => k.kind === taken.pending.kind);
      const t = say(ctx.lang);
      if (!c) return { lang: ctx.lang, blocks: [text(t('这个操作已不再支持。', 'That action is no longer supported.'), 'warning')], data: { error: 'confirm_unknown' } };
      if (!c.roles.some((r) => holds(ctx.roles, r))) {
        const names = c.roles.map((r) => roleName(r, ctx.lang)).join(t('或', ' or '));
        return { lang: ctx.lang, blocks: [text(t(`确认需要「${names}」角色。`, `Confirming needs the ${names} role.`), 'warning')], data: { error: 'forbidden', needs: c.roles } };
      }
      return c.apply(ctx, taken.pending.payload);
    },
  });

export const cancelCommand = defineCommand({
  id: 'cancel',
  phrases: { zh: ['取消'], en: ['cancel'] },
  summary: { zh: '取消待确认的操作', en: 'Cancel the pending action' },
  examples: { zh: ['取消'], en: ['cancel'] },
  role: 'staff',
  args,
  parse,
  async handle(ctx, a) {
    const taken = await takeConfirmation(ctx, a.id);
    if ('missing' in taken) return nothing(ctx, taken.missing === 'expired' ? 'none' : taken.missing);
    const t = say(ctx.lang);
    return { lang: ctx.lang, blocks: [text(t('已取消，什么也没做。', 'Cancelled; nothing was done.'))], data: { cancelled: taken.pending.kind } };
  },
});
