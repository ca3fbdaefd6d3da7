import type { Calendar } from '../calendar.ts';
import type { ComplaintRules } from '../playbook/complaints.ts';
import type { Clock, Doc, DocStore } from '../ports.ts';
import { classify } from './classify.ts';
import { iso, isOpen, openComplaints, type Complaint, type ComplaintsDoc, type Severity, type StepKind } from './complaint.ts';
import { currentDeadlines, dueSteps } from './deadlines.ts';
import { WorkingTime } from './working-time.ts';

// Working a complaint: each step is checked and applied synchronously in memory (one
// process, so two people pressing at once yield one outcome) before the awaited write.

export type DeskErrorCode = 'unknown' | 'resolved' | 'not_resolved' | 'empty' | 'same_severity' | 'already_acked' | 'already_waiting';

export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode,
    readonly id?: number,
  ) {
    super(`complaint ${code}${id ? ` #${id}` : ''}`);
  }
}

export interface NewComplaint {
  text: string;
  order?: string;
  customer?: string;
  channel?: string;
  user: string;
  platform: string;
  conversation: string;
  thread?: string;
  direct: boolean;
  lang?: 'zh' | 'en';
}

export class ComplaintDesk {
  readonly time: WorkingTime;
  constructor(
    private readonly doc: Doc<ComplaintsDoc>,
    readonly rules: ComplaintRules,
    private readonly clock: Clock,
    calendar: Calendar,
  ) {
    this.time = new WorkingTime(calendar, rules.businessHours);
  }

  static async open(docs: DocStore, rules: ComplaintRules, clock: Clock, calendar: Calendar): Promise<ComplaintDesk> {
    return new ComplaintDesk(await openComplaints(docs), rules, clock, calendar);
  }

  get all(): Complaint[] {
    return this.doc.data.items;
  }

  find(id: number): Complaint | undefined {
    return this.doc.data.items.find((c) => c.id === id);
  }

  get(id: number): Complaint {
    const c = this.find(id);
    if (!c) throw new DeskError('unknown', id);
    return c;
  }

  async log(input: NewComplaint): Promise<Complaint> {
    const text = input.text.trim();
    if (!text) throw new DeskError('empty');
    const now = iso(this.clock.now());
    const verdict = classify(text, this.rules);
    const c: Complaint = {
      id: this.doc.data.nextId++,
      text,
      ...(input.order ? { order: input.order } : {}),
      ...(input.customer ? { customer: input.customer } : {}),
      ...(input.channel ? { channel: input.channel } : {}),
      severity: verdict.severity,
      ...(verdict.category ? { category: verdict.category, keyword: verdict.keyword } : {}),
      platform: input.platform,
      conversation: input.conversation,
      ...(input.thread ? { thread: input.thread } : {}),
      direct: input.direct,
      ...(input.lang ? { lang: input.lang } : {}),
      createdAt: now,
      createdBy: input.user,
      status: 'open',
      cycle: 1,
      cycleStart: now,
      cycleBase: 0,
      pauses: [],
      deadlines: {},
      escalations: [],
      timeline: [{ at: now, user: input.user, kind: 'logged', text }],
    };
    this.doc.data.items.push(c);
    return this.commit(c);
  }

  async ack(id: number, user: string) {
    return this.step(id, user, 'ack', (c, now) => {
      if (c.ackAt) throw new DeskError('already_acked', id);
      c.ackAt = now;
      c.ackBy = user;
    });
  }

  async note(id: number, user: string, text: string) {
    if (!text.trim()) throw new DeskError('empty', id);
    return this.step(id, user, 'note', () => {}, text.trim());
  }

  async waiting(id: number, user: string, text?: string) {
    return this.step(id, user, 'waiting', (c, now) => {
      if (c.status === 'waiting') throw new DeskError('already_waiting', id);
      c.status = 'waiting';
      c.pauses.push({ from: now });
    }, text);
  }

  async resolve(id: number, user: string, resolution: string) {
    if (!resolution.trim()) throw new DeskError('empty', id);
    return this.step(id, user, 'resolved', (c, now) => {
      c.status = 'resolved';
      c.resolvedAt = now;
      c.resolvedBy = user;
      c.resolution = resolution.trim();
      c.ackAt ??= now;
      c.ackBy ??= user;
    }, resolution.trim());
  }

  async reopen(id: number, user: string, why?: string) {
    const c = this.get(id);
    if (c.status !== 'resolved') throw new DeskError('not_resolved', id);
    return this.step(id, user, 'reopened', (c, now) => {
      c.status = 'open';
      c.cycle += 1;
      c.cycleStart = now;
      c.cycleBase = c.escalations.length;
      delete c.resolvedAt;
      delete c.resolvedBy;
    }, why, true);
  }

  async setSeverity(id: number, user: string, severity: Severity) {
    return this.step(id, user, 'severity', (c) => {
      if (c.severity === severity) throw new DeskError('same_severity', id);
      c.severity = severity;
      c.severityBy = user;
    }, severity);
  }

  /** Records the escalations that have come due (once each); true when something changed. */
  syncEscalations(c: Complaint, now: number): boolean {
    let changed = false;
    for (const s of dueSteps(c, this.rules, this.time, now)) {
      if (s.kind !== 'escalate' || c.escalations.some((e) => e.level === s.level)) continue;
      c.escalations.push({ level: s.level, at: iso(s.at), step: s.deadline });
      c.timeline.push({ at: iso(s.at), user: 'system', kind: 'escalated', text: s.level });
      changed = true;
    }
    if (changed) c.timeline.sort((a, b) => a.at.localeCompare(b.at));
    return changed;
  }

  /** Stores fresh deadlines for every open complaint (after a restart or a playbook change). */
  async refresh(now: number): Promise<void> {
    let changed = false;
    for (const c of this.all) {
      const synced = this.syncEscalations(c, now);
      const before = JSON.stringify(c.deadlines);
      if (isOpen(c)) c.deadlines = currentDeadlines(c, this.rules, this.time, now);
      changed ||= synced || before !== JSON.stringify(c.deadlines);
    }
    if (changed) await this.doc.write();
  }

  private async step(id: number, user: string, kind: StepKind, apply: (c: Complaint, now: string) => void, text?: string, allowResolved = false): Promise<Complaint> {
    const c = this.get(id);
    if (c.status === 'resolved' && !allowResolved) throw new DeskError('resolved', id);
    const nowMs = this.clock.now().getTime();
    const now = iso(nowMs);
    this.syncEscalations(c, nowMs);
    // Any step after "waiting" resumes the clocks.
    const resumes = c.status === 'waiting' && kind !== 'waiting';
    apply(c, now);
    if (resumes) {
      const open = c.pauses.find((p) => !p.to);
      if (open) open.to = now;
      if (c.status === 'waiting') c.status = 'open';
      c.timeline.push({ at: now, user, kind: 'resumed' });
    }
    c.timeline.push({ at: now, user, kind, ...(text ? { text } : {}) });
    return this.commit(c);
  }

  private async commit(c: Complaint): Promise<Complaint> {
    const now = this.clock.now().getTime();
    c.deadlines = isOpen(c) ? currentDeadlines(c, this.rules, this.time, now) : {};
    await this.doc.write();
    return c;
  }
}
