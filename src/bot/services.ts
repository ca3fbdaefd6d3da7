import type { Calendar } from '../domain/calendar.ts';
import type { Logger } from '../domain/log.ts';
import type { OrderStore } from '../domain/orders/order-store.ts';
import type { Clock, DocStore } from '../domain/ports.ts';
import type { RoleLookup } from '../domain/roles.ts';
import type { StoreData } from '../domain/store-data.ts';
import type { AuditLog } from '../domain/audit.ts';
import type { RoleEditor } from '../domain/access/role-book.ts';
import type { OutboxStore } from '../outbound/outbox-store.ts';
import type { TemplateSet } from '../domain/checklists/template.ts';
import type { Lang } from '../chat/lang.ts';
import type { Outbox } from './notice.ts';
import type { Playbook } from '../domain/playbook/playbook.ts';
import type { Books } from './books.ts';

/** What command handlers can reach: the domain's services, built once at start. */
export interface Services {
  store: { name: string; timeZone: string; currency: string; lang: Lang };
  clock: Clock;
  calendar: Calendar;
  data: StoreData;
  orders: OrderStore;
  docs: DocStore;
  roles: RoleLookup;
  log: Logger;
  /** Where features queue what the bot sends first: `await services.outbox.enqueue(notice)`. */
  outbox: Outbox;
  /** The outbox's entries, for the `outbox` commands (counts, failures, retry). */
  outboxStore: OutboxStore;
  /** Append-only: `await services.audit.record({ kind: 'budget.approve', user, conversation, summary })`. */
  audit: AuditLog;
  /** The same role book as `roles`, with grant/revoke (admins only, through the `grant` command). */
  access: RoleEditor;
  /** Checklist and cadence templates from data/templates (validated at load). */
  templates: TemplateSet;
  /** The playbook in force, parsed once at start (defaults with PLAYBOOK_FILE's overrides): `services.playbook.complaints`. */
  playbook: Playbook;
  /** The features' books, each opened once per process on first use: `await services.books.budgets()`. */
  books: Books;
}
