import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { roleName } from '../../bot/role-names.ts';
import { defineCommand, type CommandContext } from '../../bot/spec.ts';
import { readRole, roleList } from './role-words.ts';
import { readUserRef } from './user-ref.ts';

// `grant console:bob ops_manager` / `授权 @bob 运营经理`, and `revoke …` / `撤销 …`: admins only.
// Persisted in the role book, effective at once, written to the audit log.

const args = z.object({ user: z.string().min(3), role: z.enum(ROLES) });

function parse(rest: string, ctx: CommandContext) {
  const words = rest.split(/\s+/).filter(Boolean);
  const example = { zh: '授权 console:bob ops_manager', en: 'grant console:bob ops_manager' };
  if (words.length < 2) throw problem('grant_usage', '请写明用户和角色。', 'Name the user and the role.', example);
  const user = readUserRef(words[0], ctx.incoming.platform);
  if (!user) throw problem('grant_user', `「${words[0]}」不像用户 id（例如 console:bob、@bob、slack:U0123）。`, `"${words[0]}" is not a user id (like console:bob, @bob, slack:U0123).`, example);
  const role = readRole(words.slice(1).join(' '));
  if (!role) throw problem('grant_role', `没有「${words.slice(1).join(' ')}」这个角色。可选：${roleList()}`, `There is no role "${words.slice(1).join(' ')}". Roles: ${roleList()}`, example);
  return { user, role };
}

const roleOf = (ctx: CommandContext, role: (typeof ROLES)[number]) => `${roleName(role, ctx.lang)} (${role})`;

export const grantCommand = defineCommand({
  id: 'grant',
  phrases: { zh: ['授权', '授予'], en: ['grant'] },
  summary: { zh: '授予角色', en: 'Grant a role' },
  examples: { zh: ['授权 console:bob ops_manager', '授权 @bob 客服主管'], en: ['grant console:bob ops_manager', 'grant @bob cs_lead'] },
  role: 'admin',
  args,
  parse,
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const changed = await ctx.services.access.grant(a.user, a.role);
    if (changed) await ctx.services.audit.record({ kind: 'role.grant', user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `granted ${a.role} to ${a.user}`, data: { target: a.user, role: a.role } });
    const now = ctx.services.access.rolesOf(a.user).map((r) => roleOf(ctx, r)).join(t('、', ', '));
    return {
      lang: ctx.lang,
      blocks: [text(changed ? t(`已授予 ${a.user}「${roleOf(ctx, a.role)}」，立即生效。`, `Granted ${roleOf(ctx, a.role)} to ${a.user}; effective now.`) : t(`${a.user} 已经有「${roleOf(ctx, a.role)}」。`, `${a.user} already holds ${roleOf(ctx, a.role)}.`)), { type: 'context', text: t(`现有角色：${now}`, `Roles now: ${now}`) }],
      // The person whose roles changed is told (a mention: renderers ping only the people listed here).
      ...(changed ? { mentions: [a.user] } : {}),
      data: { user: a.user, role: a.role, changed, roles: ctx.services.access.rolesOf(a.user) },
    };
  },
});

export const revokeCommand = defineCommand({
  id: 'revoke',
  phrases: { zh: ['撤销', '收回'], en: ['revoke'] },
  summary: { zh: '撤销角色', en: 'Revoke a role' },
  examples: { zh: ['撤销 console:bob ops_manager'], en: ['revoke console:bob ops_manager'] },
  role: 'admin',
  args,
  parse,
  async handle(ctx, a) {
    const t = say(ctx.lang);
    if (a.role === 'staff') throw problem('revoke_staff', '每个人都是店员，不能撤销。', 'Everyone is staff; that cannot be revoked.');
    if (a.role === 'admin' && ctx.services.access.isConfiguredAdmin(a.user)) throw problem('revoke_configured_admin', `${a.user} 是 BOT_ADMINS 配置的管理员，只能在配置里去掉。`, `${a.user} is an admin from BOT_ADMINS; remove it from the configuration instead.`);
    const changed = await ctx.services.access.revoke(a.user, a.role);
    if (changed) await ctx.services.audit.record({ kind: 'role.revoke', user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `revoked ${a.role} from ${a.user}`, data: { target: a.user, role: a.role } });
    const now = ctx.services.access.rolesOf(a.user).map((r) => roleOf(ctx, r)).join(t('、', ', '));
    return {
      lang: ctx.lang,
      blocks: [text(changed ? t(`已撤销 ${a.user} 的「${roleOf(ctx, a.role)}」，立即生效。`, `Revoked ${roleOf(ctx, a.role)} from ${a.user}; effective now.`) : t(`${a.user} 没有「${roleOf(ctx, a.role)}」。`, `${a.user} does not hold ${roleOf(ctx, a.role)}.`)), { type: 'context', text: t(`现有角色：${now}`, `Roles now: ${now}`) }],
      // The person whose roles changed is told (a mention: renderers ping only the people listed here).
      ...(changed ? { mentions: [a.user] } : {}),
      data: { user: a.user, role: a.role, changed, roles: ctx.services.access.rolesOf(a.user) },
    };
  },
});
