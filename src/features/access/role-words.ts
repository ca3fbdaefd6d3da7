import { ROLES, isRole, type Role } from '../../domain/roles.ts';
import { roleName } from '../../bot/role-names.ts';

/** A role as typed: its id (`ops_manager`), or its name in either language (运营经理, operations manager). */
export function readRole(text: string): Role | undefined {
  const t = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (isRole(t)) return t;
  return ROLES.find((r) => roleName(r, 'zh') === text.trim() || roleName(r, 'en').replace(/[\s-]+/g, '_').replace(/[^\w]/g, '') === t.replace(/[^\w]/g, ''));
}

export const roleList = () => ROLES.join(', ');
