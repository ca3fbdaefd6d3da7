import type { ApprovalBook } from '../domain/approvals/approval-book.ts';
import type { BudgetBook } from '../domain/budgets/budget-book.ts';
import type { Calendar } from '../domain/calendar.ts';
import type { CampaignBook } from '../domain/campaigns/campaign-book.ts';
import type { ChecklistBook } from '../domain/checklists/checklist-book.ts';
import type { ComplaintDesk } from '../domain/complaints/complaint-desk.ts';
import type { LinkAttempts } from '../domain/members/link-attempts.ts';
import type { LookupLimit } from '../domain/members/lookup-limit.ts';
import type { MemberLinks } from '../domain/members/member-links.ts';
import type { SegmentHistory } from '../domain/members/rfm.ts';
import type { TierBook } from '../domain/members/tiers.ts';
import type { Playbook } from '../domain/playbook/playbook.ts';
import type { Clock, DocStore } from '../domain/ports.ts';
import type { StockBook } from '../domain/stock/stock-book.ts';
import type { TargetBook } from '../domain/targets/target-book.ts';

// The features' books, each opened once per process: `const book = await services.books.budgets()`.
// A call opens the book the first time and hands back the same instance after that, so what one
// command writes through it the next one reads. Opening is on first use, not at start, so a
// damaged document refuses only the commands that need it (and a failed open is tried again).

export interface Books {
  approvals(): Promise<ApprovalBook>;
  budgets(): Promise<BudgetBook>;
  campaigns(): Promise<CampaignBook>;
  checklists(): Promise<ChecklistBook>;
  complaints(): Promise<ComplaintDesk>;
  memberLinks(): Promise<MemberLinks>;
  linkAttempts(): Promise<LinkAttempts>;
  lookupLimit(): Promise<LookupLimit>;
  segmentHistory(): Promise<SegmentHistory>;
  tiers(): Promise<TierBook>;
  stock(): Promise<StockBook>;
  targets(): Promise<TargetBook>;
}

export type BookName = keyof Books;

// Every book by name (a Record, so the compiler says when a book is added to Books but not here).
const NAMES: Record<BookName, true> = { approvals: true, budgets: true, campaigns: true, checklists: true, complaints: true, memberLinks: true, linkAttempts: true, lookupLimit: true, segmentHistory: true, tiers: true, stock: true, targets: true };
export const BOOK_NAMES = Object.keys(NAMES) as BookName[];

/** What opening a book may use. */
export interface BookEnv {
  docs: DocStore;
  clock: Clock;
  calendar: Calendar;
  playbook: Playbook;
}

/** How a feature opens the books it owns, e.g. `{ budgets: (env) => BudgetBook.open(env.docs) }`. */
export type BookOpeners = { [K in BookName]?: (env: BookEnv) => ReturnType<Books[K]> };
