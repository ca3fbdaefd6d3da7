// Who may do what. Reading metrics is open to everyone (staff); anything that
// changes state or reaches customers names the role it needs.

export const ROLES = ['staff', 'community', 'cs_agent', 'cs_lead', 'ops_manager', 'brand_pr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);

/** The port commands ask before running a guarded command. */
export interface RoleLookup {
  rolesOf(user: string): Role[];
  /** Users who hold a role (admins excluded unless granted it), for mentions. */
  usersWith(role: Role): string[];
}

/** Admins hold every role; everyone holds staff. */
export function holds(roles: Role[], needed: Role): boolean {
  return needed === 'staff' || roles.includes('admin') || roles.includes(needed);
}
