// The append-only audit log: who did what, when and where. Role changes, campaign
// launches, approvals and rejections, budget changes, manual retries all land here.

export interface AuditEntry {
  /** UTC ISO time. */
  at: string;
  /** e.g. `role.grant`, `budget.approve`, `campaign.launch`, `outbox.retry`. */
  kind: string;
  /** Qualified user id of who did it (`system` for the bot itself). */
  user: string;
  conversation?: string;
  /** One line, English, for the log; chat views render their own text from `data`. */
  summary: string;
  data?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'>): Promise<AuditEntry>;
  /** Newest first. */
  latest(limit: number, kindPrefix?: string): AuditEntry[];
}
