import type { Role } from '../domain/roles.ts';
import type { Lang } from '../chat/lang.ts';

const NAMES: Record<Role, [string, string]> = {
  staff: ['店员', 'staff'],
  community: ['社群运营', 'community manager'],
  cs_agent: ['客服', 'customer-service agent'],
  cs_lead: ['客服主管', 'customer-service lead'],
  ops_manager: ['运营经理', 'operations manager'],
  brand_pr: ['品牌公关', 'brand / PR'],
  admin: ['管理员', 'admin'],
};

export const roleName = (role: Role, lang: Lang) => NAMES[role][lang === 'zh' ? 0 : 1];
