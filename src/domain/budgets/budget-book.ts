import type { DocStore } from '../ports.ts';
import type { BudgetChange, MonthBudget } from './budget.ts';

// Month budgets and the log of what changed them, in one document. Changes are applied
// in memory synchronously (inside an approval's check-and-set) and then written.

export interface BudgetEvent {
  /** UTC ISO. */
  at: string;
  month: string;
  kind: 'set' | 'change';
  by: string;
  total?: number;
  channels?: Record<string, number>;
  change?: BudgetChange;
  requestId?: number;
}

export interface BudgetDoc {
  months: Record<string, MonthBudget>;
  log: BudgetEvent[];
}

export class BudgetBook {
  private constructor(private readonly doc: { data: BudgetDoc; write(): Promise<void> }) {}

  static async open(docs: DocStore): Promise<BudgetBook> {
    return new BudgetBook(await docs.open<BudgetDoc>('budgets', { months: {}, log: [] }));
  }

  month(month: string): MonthBudget | undefined {
    return this.doc.data.months[month];
  }

  events(month: string): BudgetEvent[] {
    return this.doc.data.log.filter((e) => e.month === month);
  }

  async set(budget: MonthBudget): Promise<void> {
    this.doc.data.months[budget.month] = budget;
    this.doc.data.log.push({ at: budget.setAt, month: budget.month, kind: 'set', by: budget.setBy, total: budget.total, channels: { ...budget.channels } });
    await this.doc.write();
  }

  /** Replaces a month's allocation after an approved change (synchronous; call `save()` after). */
  applyApproved(change: BudgetChange, channels: Record<string, number>, by: string, at: string, requestId: number): void {
    const b = this.doc.data.months[change.month];
    if (!b) throw new Error(`no budget for ${change.month}`);
    b.channels = channels;
    this.doc.data.log.push({ at, month: change.month, kind: 'change', by, change, requestId });
  }

  save(): Promise<void> {
    return this.doc.write();
  }
}
