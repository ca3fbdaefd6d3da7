import type { DocStore } from '../ports.ts';
import { isRole, type Role, type RoleLookup } from '../roles.ts';

// The persisted role book. Usage: `const roles = await RoleBook.open(docs, config.BOT_ADMINS)`;
// `roles.rolesOf('console:bob')`, `await roles.grant('console:bob', 'ops_manager')`.
// BOT_ADMINS are admins from the start (and cannot be revoked in chat); everyone is staff.

export interface RoleGrants {
  grants: Record<string, Role[]>;
}

/** What `grant` / `revoke` need on top of RoleLookup. */
export interface RoleEditor extends RoleLookup {
  /** False when the user already held it. */
  grant(user: string, role: Role): Promise<boolean>;
  /** False when the user did not hold it. */
  revoke(user: string, role: Role): Promise<boolean>;
  /** Users with any granted role (BOT_ADMINS included), sorted. */
  everyone(): { user: string; roles: Role[] }[];
  isConfiguredAdmin(user: string): boolean;
}

export class RoleBook implements RoleEditor {
  private constructor(
    private readonly doc: { data: RoleGrants; write(): Promise<void> },
    private readonly admins: Set<string>,
  ) {}

  static async open(docs: DocStore, admins: string[]): Promise<RoleBook> {
    const doc = await docs.open<RoleGrants>('access/roles', { grants: {} });
    return new RoleBook(doc, new Set(admins));
  }

  isConfiguredAdmin(user: string): boolean {
    return this.admins.has(user);
  }

  rolesOf(user: string): Role[] {
    const granted = (this.doc.data.grants[user] ?? []).filter(isRole);
    const roles = new Set<Role>(['staff', ...granted]);
    if (this.admins.has(user)) roles.add('admin');
    return [...roles];
  }

  usersWith(role: Role): string[] {
    const out = Object.entries(this.doc.data.grants)
      .filter(([, rs]) => rs.includes(role))
      .map(([u]) => u);
    if (role === 'admin') out.push(...this.admins);
    return [...new Set(out)].sort();
  }

  async grant(user: string, role: Role): Promise<boolean> {
    if (this.rolesOf(user).includes(role)) return false;
    this.doc.data.grants[user] = [...(this.doc.data.grants[user] ?? []), role];
    await this.doc.write();
    return true;
  }

  async revoke(user: string, role: Role): Promise<boolean> {
    const held = this.doc.data.grants[user] ?? [];
    if (!held.includes(role)) return false;
    const rest = held.filter((r) => r !== role);
    if (rest.length) this.doc.data.grants[user] = rest;
    else delete this.doc.data.grants[user];
    await this.doc.write();
    return true;
  }

  everyone(): { user: string; roles: Role[] }[] {
    const users = new Set([...Object.keys(this.doc.data.grants), ...this.admins]);
    return [...users].sort().map((user) => ({ user, roles: this.rolesOf(user) }));
  }
}
