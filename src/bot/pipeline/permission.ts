import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { holds } from '../../domain/roles.ts';
import { roleName } from '../role-names.ts';
import type { Step } from './step.ts';

/** The command's role, or one of its other roles; else a polite refusal that names them. */
export const permission: Step = async (ctx, next) => {
  const { spec } = ctx.match!;
  const { roles, lang } = ctx;
  if (holds(roles, spec.role) || (spec.alsoRoles ?? []).some((r) => holds(roles, r))) return next();
  const t = say(lang);
  ctx.reply = {
    lang,
    blocks: [text(t(`这个操作需要「${roleName(spec.role, 'zh')}」角色（${spec.role}）${(spec.alsoRoles ?? []).map((r) => `或「${roleName(r, 'zh')}」（${r}）`).join('')}。请管理员用 grant 授权。`, `This needs the ${roleName(spec.role, 'en')} role (${spec.role})${(spec.alsoRoles ?? []).map((r) => ` or ${roleName(r, 'en')} (${r})`).join('')}. Ask an admin to grant it.`), 'warning')],
    data: { error: 'forbidden', command: spec.id, needs: spec.role },
  };
};
