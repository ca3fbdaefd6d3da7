import { z } from 'zod';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { roleName } from '../../bot/role-names.ts';
import { defineCommand } from '../../bot/spec.ts';
import { readUserRef } from './user-ref.ts';

/** `whoami` / `我是谁` (or `whoami console:bob`): a user's qualified id and roles. Open to everyone. */
export const whoamiCommand = defineCommand({
  id: 'whoami',
  phrases: { zh: ['我是谁', '我的角色'], en: ['whoami', 'who am i', 'my roles'] },
  summary: { zh: '查看角色', en: 'Show roles' },
  examples: { zh: ['我是谁'], en: ['whoami', 'whoami console:bob'] },
  role: 'staff',
  args: z.object({ user: z.string() }),
  parse(rest, ctx) {
    if (!rest) return { user: ctx.incoming.user };
    const user = readUserRef(rest.split(/\s+/)[0], ctx.incoming.platform);
    if (!user) throw problem('whoami_user', `「${rest}」不像用户 id。`, `"${rest}" is not a user id.`, { zh: '我是谁', en: 'whoami console:bob' });
    return { user };
  },
  handle(ctx, a) {
    const t = say(ctx.lang);
    const roles = ctx.services.roles.rolesOf(a.user);
    const names = roles.map((r) => `${roleName(r, ctx.lang)} (${r})`).join(t('、', ', '));
    const self = a.user === ctx.incoming.user;
    return {
      lang: ctx.lang,
      blocks: [text(self ? t(`你是 ${a.user}，角色：${names}`, `You are ${a.user}; roles: ${names}`) : t(`${a.user} 的角色：${names}`, `${a.user} has: ${names}`)), { type: 'context', text: t('管理员可用「授权 用户 角色」添加角色。', 'An admin adds roles with "grant USER ROLE".') }],
      data: { user: a.user, roles },
    };
  },
});
