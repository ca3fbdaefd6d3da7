import { localIdOf, platformOf } from '../../chat/address.ts';
import type { Services } from '../../bot/services.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { LocalAdmin } from '../../platforms/console/console-adapter.ts';
import { CONSOLE_ROOM } from '../../platforms/console/console-adapter.ts';

// The terminal chat over the demo store: with no admin configured nobody could grant a role, and
// nothing would say why. So the console user is offered admin for this local demo (`:admin`), and
// a role refusal says how admins are really named on a team: BOT_ADMINS.

const noAdmin = (s: Services) => s.roles.usersWith('admin').length === 0;

/** The line printed once at start when no admin exists; undefined when one does. */
export function localAdminOffer(s: Services, lang: Lang): string | undefined {
  if (!noAdmin(s)) return undefined;
  return say(lang)(
    '还没有管理员。仅限本地演示：输入 :admin 让当前终端用户成为管理员（可以授权他人）。正式使用时请在 .env 里用 BOT_ADMINS=slack:U0123,console:alice 指定管理员。',
    'No admin is configured. For this local demo only: type :admin to make the terminal user admin (who can grant roles). On a real team, name admins with BOT_ADMINS=slack:U0123,console:alice in .env.',
  );
}

export function localAdmin(s: Services): LocalAdmin {
  return {
    refusalHint(lang, user) {
      const t = say(lang);
      if (noAdmin(s)) return t('（还没有管理员：本地演示可输入 :admin 成为管理员；正式使用请设置 BOT_ADMINS。）', '(No admin yet: on this local demo, type :admin to become one; on a team, set BOT_ADMINS.)');
      const consoleAdmins = s.roles.usersWith('admin').filter((u) => platformOf(u) === 'console' && u !== user);
      return consoleAdmins.length
        ? t(`（管理员来自 BOT_ADMINS：${consoleAdmins.join('、')}；输入「:as ${localIdOf(consoleAdmins[0])}」以其身份授权。）`, `(Admins come from BOT_ADMINS: ${consoleAdmins.join(', ')}; type ":as ${localIdOf(consoleAdmins[0])}" to grant as them.)`)
        : t('（管理员由 BOT_ADMINS 指定，请他们用 grant 授权。）', '(Admins are named in BOT_ADMINS; ask one to grant the role.)');
    },
    async claim(lang, user) {
      const t = say(lang);
      if (s.roles.rolesOf(user).includes('admin')) return t(`（${user} 已经是管理员。）`, `(${user} is admin already.)`);
      if (!noAdmin(s)) return t('（已经有管理员了，请管理员用 grant 给你授权。）', '(There is an admin already; ask them to grant you a role.)');
      await s.access.grant(user, 'admin');
      await s.audit.record({ kind: 'role.grant', user, conversation: CONSOLE_ROOM, summary: `granted admin to ${user} (local demo :admin)`, data: { target: user, role: 'admin' } });
      return t(
        `（${user} 现在是管理员，仅用于本地演示。用「grant console:bob ops_manager」给他人授权；正式使用请用 BOT_ADMINS。）`,
        `(${user} is now admin, for this local demo only. Grant others roles with "grant console:bob ops_manager"; on a real team use BOT_ADMINS.)`,
      );
    },
  };
}
