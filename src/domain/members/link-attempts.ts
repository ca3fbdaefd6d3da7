import type { Day } from '../calendar.ts';
import type { DocStore } from '../ports.ts';

// Linking proves membership with an order number or a phone seen on orders. Without a
// limit, someone could try phone numbers until one matched and then collect another
// member's coupons; so failed tries are counted per chat user and store day.

export const MAX_FAILED_LINKS_PER_DAY = 5;

interface AttemptsDoc {
  users: Record<string, { day: Day; failures: number }>;
}

export class LinkAttempts {
  private constructor(private readonly doc: { data: AttemptsDoc; write(): Promise<void> }) {}

  static async open(docs: DocStore): Promise<LinkAttempts> {
    return new LinkAttempts(await docs.open<AttemptsDoc>('members/link-attempts', { users: {} }));
  }

  /** Whether the user may try again today. */
  allowed(user: string, today: Day, max = MAX_FAILED_LINKS_PER_DAY): boolean {
    const a = this.doc.data.users[user];
    return !a || a.day !== today || a.failures < max;
  }

  async failed(user: string, today: Day): Promise<number> {
    const a = this.doc.data.users[user];
    const failures = a && a.day === today ? a.failures + 1 : 1;
    this.doc.data.users[user] = { day: today, failures };
    await this.doc.write();
    return failures;
  }

  async succeeded(user: string): Promise<void> {
    if (!(user in this.doc.data.users)) return;
    delete this.doc.data.users[user];
    await this.doc.write();
  }
}
