import type { AuditEntry, AuditLog } from '../audit.ts';
import type { Clock, Doc, DocStore } from '../ports.ts';

// The audit log in the store, one document per month (`audit/2026-11`), entries only ever
// appended. Usage: `const audit = await StoreAuditLog.open(docs, clock)`;
// `await services.audit.record({ kind: 'budget.approve', user, conversation, summary, data })`.

export class StoreAuditLog implements AuditLog {
  private readonly all: AuditEntry[] = [];
  private readonly months = new Map<string, Doc<{ entries: AuditEntry[] }>>();

  private constructor(
    private readonly docs: DocStore,
    private readonly clock: Clock,
  ) {}

  static async open(docs: DocStore, clock: Clock): Promise<StoreAuditLog> {
    const log = new StoreAuditLog(docs, clock);
    for (const name of await docs.list('audit/')) {
      const doc = await docs.open<{ entries: AuditEntry[] }>(name, { entries: [] });
      log.months.set(name, doc);
      log.all.push(...doc.data.entries);
    }
    log.all.sort((a, b) => a.at.localeCompare(b.at));
    return log;
  }

  async record(entry: Omit<AuditEntry, 'at'>): Promise<AuditEntry> {
    const at = this.clock.now().toISOString();
    const full: AuditEntry = { at, ...entry };
    const name = `audit/${at.slice(0, 7)}`;
    let doc = this.months.get(name);
    if (!doc) this.months.set(name, (doc = await this.docs.open<{ entries: AuditEntry[] }>(name, { entries: [] })));
    doc.data.entries.push(full);
    await doc.write();
    this.all.push(full);
    return full;
  }

  latest(limit: number, kindPrefix?: string): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (let i = this.all.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.all[i];
      if (!kindPrefix || e.kind === kindPrefix || e.kind.startsWith(kindPrefix.endsWith('.') ? kindPrefix : `${kindPrefix}.`)) out.push(e);
    }
    return out;
  }
}
