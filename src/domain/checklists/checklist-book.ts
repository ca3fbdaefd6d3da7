import type { Day } from '../calendar.ts';
import type { Doc, DocStore } from '../ports.ts';
import { holds, type Role } from '../roles.ts';
import { planChecklist, type Checklist, type ChecklistItem } from './checklist.ts';
import type { ChecklistTemplate } from './template.ts';

// The store's checklists and the conversations subscribed to cadence reminders,
// kept in one lowdb document and written after every change.

export interface CadenceSubscription {
  conversation: string;
  thread?: string;
  by: string;
  since: string;
  /** The language it was turned on in; reminders speak it (older subscriptions: the store's). */
  lang?: 'zh' | 'en';
}

export interface ChecklistsDoc {
  nextId: number;
  nextItemNo: number;
  checklists: Checklist[];
  cadences: CadenceSubscription[];
}

export type ChecklistProblem = 'unknown_item' | 'other_conversation' | 'not_open' | 'not_owner' | 'event_in_past' | 'already_running';

export class ChecklistError extends Error {
  constructor(readonly code: ChecklistProblem, readonly item?: ChecklistItem, readonly checklist?: Checklist) {
    super(code);
  }
}

export class ChecklistBook {
  private constructor(private readonly doc: Doc<ChecklistsDoc>) {}

  static async open(docs: DocStore): Promise<ChecklistBook> {
    return new ChecklistBook(await docs.open<ChecklistsDoc>('checklists', { nextId: 1, nextItemNo: 1, checklists: [], cadences: [] }));
  }

  get all(): Checklist[] {
    return this.doc.data.checklists;
  }

  get cadenceSubscriptions(): CadenceSubscription[] {
    return this.doc.data.cadences;
  }

  /** Checklists of a conversation still in play: until a week after the last item is due. */
  active(conversation: string, today: Day): Checklist[] {
    return this.all.filter((c) => c.conversation === conversation && Math.max(...c.items.map((i) => i.due)) + 7 >= today);
  }

  async start(t: ChecklistTemplate, name: { zh: string; en: string }, eventDay: Day, where: { conversation: string; thread?: string }, user: string, now: Date, today: Day, lang?: 'zh' | 'en'): Promise<Checklist> {
    if (eventDay < today) throw new ChecklistError('event_in_past');
    const same = this.all.find((c) => c.conversation === where.conversation && c.template === t.id && c.eventDay === eventDay);
    if (same) throw new ChecklistError('already_running', undefined, same);
    const d = this.doc.data;
    const items = planChecklist(t, eventDay, d.nextItemNo);
    const checklist: Checklist = { id: d.nextId, template: t.id, name, eventDay, conversation: where.conversation, ...(where.thread ? { thread: where.thread } : {}), startedBy: user, startedAt: now.toISOString(), ...(lang ? { lang } : {}), phases: t.phases, items };
    d.nextId += 1;
    d.nextItemNo += items.length;
    d.checklists.push(checklist);
    await this.doc.write();
    return checklist;
  }

  /** An item by number, refusing one that belongs to a checklist of another conversation. */
  find(no: number, conversation: string): { checklist: Checklist; item: ChecklistItem } {
    for (const checklist of this.all) {
      const item = checklist.items.find((i) => i.no === no);
      if (item) {
        if (checklist.conversation !== conversation) throw new ChecklistError('other_conversation', item, checklist);
        return { checklist, item };
      }
    }
    throw new ChecklistError('unknown_item');
  }

  /** Owners, holders of the owner role and ops managers may work an item. */
  private mayWork(item: ChecklistItem, user: string, roles: Role[]): boolean {
    return item.owner === user || holds(roles, item.ownerRole) || holds(roles, 'ops_manager');
  }

  async done(no: number, conversation: string, user: string, roles: Role[], now: Date) {
    const found = this.find(no, conversation);
    const { item } = found;
    if (item.status !== 'open') throw new ChecklistError('not_open', item, found.checklist);
    if (!this.mayWork(item, user, roles)) throw new ChecklistError('not_owner', item, found.checklist);
    Object.assign(item, { status: 'done', doneBy: user, doneAt: now.toISOString() });
    await this.doc.write();
    return found;
  }

  async postpone(no: number, days: number, conversation: string, user: string, roles: Role[]) {
    const found = this.find(no, conversation);
    const { item } = found;
    if (item.status !== 'open') throw new ChecklistError('not_open', item, found.checklist);
    if (!this.mayWork(item, user, roles)) throw new ChecklistError('not_owner', item, found.checklist);
    item.due += days;
    item.postponedDays += days;
    await this.doc.write();
    return found;
  }

  async skip(no: number, reason: string, conversation: string, user: string, roles: Role[], now: Date) {
    const found = this.find(no, conversation);
    const { item } = found;
    if (item.status !== 'open') throw new ChecklistError('not_open', item, found.checklist);
    if (!this.mayWork(item, user, roles)) throw new ChecklistError('not_owner', item, found.checklist);
    Object.assign(item, { status: 'skipped', skipReason: reason, doneBy: user, doneAt: now.toISOString() });
    await this.doc.write();
    return found;
  }

  async assign(no: number, owner: string, conversation: string) {
    const found = this.find(no, conversation);
    found.item.owner = owner;
    await this.doc.write();
    return found;
  }

  async subscribeCadences(where: { conversation: string; thread?: string }, by: string, now: Date, lang?: 'zh' | 'en'): Promise<boolean> {
    if (this.doc.data.cadences.some((c) => c.conversation === where.conversation)) return false;
    this.doc.data.cadences.push({ conversation: where.conversation, ...(where.thread ? { thread: where.thread } : {}), by, since: now.toISOString(), ...(lang ? { lang } : {}) });
    await this.doc.write();
    return true;
  }

  async unsubscribeCadences(conversation: string): Promise<boolean> {
    const before = this.doc.data.cadences.length;
    this.doc.data.cadences = this.doc.data.cadences.filter((c) => c.conversation !== conversation);
    await this.doc.write();
    return this.doc.data.cadences.length < before;
  }
}
