import type { DocStore } from '../ports.ts';
import { targetId, type Target } from './target.ts';

// The KPI targets of every month, in one document; setting a metric and channel again replaces it.

interface TargetDoc {
  months: Record<string, Target[]>;
}

export class TargetBook {
  private constructor(private readonly doc: { data: TargetDoc; write(): Promise<void> }) {}

  static async open(docs: DocStore): Promise<TargetBook> {
    return new TargetBook(await docs.open<TargetDoc>('targets', { months: {} }));
  }

  month(month: string): Target[] {
    return this.doc.data.months[month] ?? [];
  }

  /** Sets (or replaces) targets for one month, all at once. */
  async set(targets: Target[]): Promise<void> {
    for (const t of targets) {
      const list = (this.doc.data.months[t.month] ??= []);
      const at = list.findIndex((x) => targetId(x) === targetId(t));
      if (at >= 0) list[at] = t;
      else list.push(t);
    }
    await this.doc.write();
  }
}
