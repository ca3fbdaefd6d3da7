import type { Category } from '../playbook/complaints.ts';
import type { DocStore } from '../ports.ts';

// One customer complaint, as stored. Every instant is UTC ISO; the timeline keeps who
// did what and when; deadlines are stored after every change so they survive restarts.

export const SEVERITIES = ['serious', 'normal', 'watch'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Status = 'open' | 'waiting' | 'resolved';

/** The escalation chain; brand_pr only for serious complaints. */
export const LEVELS = ['cs_agent', 'cs_lead', 'ops_manager', 'brand_pr'] as const;
export type Level = (typeof LEVELS)[number];

export type StepKind = 'logged' | 'ack' | 'note' | 'waiting' | 'resumed' | 'resolved' | 'reopened' | 'severity' | 'escalated';

export interface TimelineEntry {
  at: string;
  /** Qualified user id, or `system` for the bot. */
  user: string;
  kind: StepKind;
  text?: string;
}

export interface Escalation {
  level: Level;
  /** When the missed deadline fell due. */
  at: string;
  /** Which deadline was missed, e.g. `first_response` or `resolution:1`. */
  step: string;
}

export interface Complaint {
  id: number;
  text: string;
  order?: string;
  customer?: string;
  channel?: string;
  severity: Severity;
  /** Why: the keyword category and the keyword that matched, or who set it by hand. */
  category?: Category;
  keyword?: string;
  severityBy?: string;
  platform: string;
  conversation: string;
  thread?: string;
  /** Logged in a direct conversation: its notices are not masked. */
  direct: boolean;
  /** The language it was logged in; its thread's warnings and escalations speak it (older ones: the store's). */
  lang?: 'zh' | 'en';
  createdAt: string;
  createdBy: string;
  status: Status;
  /** A reopen starts a new resolution cycle from `cycleStart`, one level above where it was. */
  cycle: number;
  cycleStart: string;
  /** Escalations already made when this cycle started. */
  cycleBase: number;
  ackAt?: string;
  ackBy?: string;
  resolvedAt?: string;
  resolvedBy?: string;
  resolution?: string;
  pauses: { from: string; to?: string }[];
  deadlines: { firstResponse?: string; resolution?: string; warning?: string; next?: string };
  escalations: Escalation[];
  timeline: TimelineEntry[];
}

export interface ComplaintsDoc {
  nextId: number;
  items: Complaint[];
}

export const COMPLAINTS_DOC = 'complaints';

export const openComplaints = (docs: DocStore) => docs.open<ComplaintsDoc>(COMPLAINTS_DOC, { nextId: 1, items: [] });

export const isOpen = (c: Complaint) => c.status !== 'resolved';

export const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
export const iso = (t: number | Date) => new Date(t).toISOString();
