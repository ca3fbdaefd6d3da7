import { holds, type Role } from '../roles.ts';
import type { DocStore } from '../ports.ts';
import type { ApprovalRequest, Decision, NewApproval } from './approval.ts';

// Approval requests in one document. A decision is check-and-set in memory,
// synchronously, before the awaited write: two managers pressing Approve at the same
// moment in one process yield one decision, and the later one is told who decided.

export interface ApprovalDoc {
  nextId: number;
  requests: ApprovalRequest[];
}

export interface DecisionInput {
  user: string;
  roles: Role[];
  verdict: Decision['verdict'];
  reason?: string;
  override?: boolean;
}

export type DecisionOutcome =
  | { result: 'decided'; request: ApprovalRequest }
  | { result: 'unknown' }
  | { result: 'closed'; request: ApprovalRequest }
  /** It ran out of time just now; it is marked expired (the caller writes and audits). */
  | { result: 'expired'; request: ApprovalRequest }
  | { result: 'forbidden'; request: ApprovalRequest }
  | { result: 'self'; request: ApprovalRequest }
  | { result: 'needs_override'; request: ApprovalRequest }
  | { result: 'needs_reason'; request: ApprovalRequest }
  /** The feature's own check refused it (e.g. the budget no longer allows it). */
  | { result: 'refused'; request: ApprovalRequest; why: unknown };

export interface DecisionHooks {
  /** The feature's check against current state, run inside the check-and-set. */
  check?(request: ApprovalRequest): { refuse?: unknown; needsOverride: boolean };
  /** Applies an approval at once (synchronously, in memory), before anything is awaited. */
  apply?(request: ApprovalRequest): void;
}

const HOUR = 3_600_000;

export class ApprovalBook {
  private constructor(private readonly doc: { data: ApprovalDoc; write(): Promise<void> }) {}

  static async open(docs: DocStore): Promise<ApprovalBook> {
    return new ApprovalBook(await docs.open<ApprovalDoc>('approvals', { nextId: 1, requests: [] }));
  }

  get(id: number): ApprovalRequest | undefined {
    return this.doc.data.requests.find((r) => r.id === id);
  }

  all(): readonly ApprovalRequest[] {
    return this.doc.data.requests;
  }

  save(): Promise<void> {
    return this.doc.write();
  }

  async create(input: NewApproval, now: Date): Promise<ApprovalRequest> {
    const { ttlHours, ...rest } = input;
    const t = now.getTime();
    const request: ApprovalRequest = {
      ...rest,
      id: this.doc.data.nextId++,
      createdAt: now.toISOString(),
      remindAt: new Date(t + (ttlHours * HOUR) / 2).toISOString(),
      expiresAt: new Date(t + ttlHours * HOUR).toISOString(),
      status: 'pending',
    };
    this.doc.data.requests.push(request);
    await this.doc.write();
    return request;
  }

  /** Synchronous check-and-set; the caller awaits `save()` (and writes what `apply` changed). */
  decide(id: number, input: DecisionInput, now: Date, hooks: DecisionHooks = {}): DecisionOutcome {
    const request = this.get(id);
    if (!request) return { result: 'unknown' };
    if (request.status !== 'pending') return { result: 'closed', request };
    if (now.getTime() >= Date.parse(request.expiresAt)) {
      this.markExpired(request, now);
      return { result: 'expired', request };
    }
    if (!holds(input.roles, request.approverRole)) return { result: 'forbidden', request };
    if (input.user === request.requester) return { result: 'self', request };
    if (input.override && !input.reason?.trim()) return { result: 'needs_reason', request };
    if (input.verdict === 'approved') {
      const checked = hooks.check?.(request) ?? { needsOverride: request.needsOverride };
      if (checked.refuse !== undefined) return { result: 'refused', request, why: checked.refuse };
      if ((checked.needsOverride || request.needsOverride) && !input.override) return { result: 'needs_override', request };
    }
    request.status = input.verdict;
    request.decision = {
      verdict: input.verdict,
      by: input.user,
      at: now.toISOString(),
      ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
      ...(input.verdict === 'approved' && input.override ? { override: true } : {}),
    };
    if (input.verdict === 'approved') hooks.apply?.(request);
    return { result: 'decided', request };
  }

  /** Marks every pending request whose time ran out; returns those it marked (to write and audit). */
  expireDue(now: Date): ApprovalRequest[] {
    const marked: ApprovalRequest[] = [];
    for (const r of this.doc.data.requests) {
      if (r.status === 'pending' && now.getTime() >= Date.parse(r.expiresAt)) marked.push(this.markExpired(r, now));
    }
    return marked;
  }

  private markExpired(r: ApprovalRequest, now: Date): ApprovalRequest {
    r.status = 'expired';
    r.expiredAt = now.toISOString();
    return r;
  }
}
