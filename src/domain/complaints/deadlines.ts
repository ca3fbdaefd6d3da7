import type { ComplaintRules } from '../playbook/complaints.ts';
import { resolutionHours } from './classify.ts';
import { LEVELS, ms, type Complaint, type Level } from './complaint.ts';
import type { Pause, WorkingTime } from './working-time.ts';

// Every warning and escalation a complaint can produce, derived from what is stored:
// when it was logged (or reopened), its severity, acknowledgement, pauses and resolution.
// A missed deadline moves the complaint one level up the chain; the resolution deadline
// repeats one window later for each level still above it.

export interface Step {
  kind: 'warn' | 'escalate';
  /** `first_response` or `resolution:<n>` (n-th window of this cycle). */
  deadline: string;
  /** When it falls due (the warning at warnAt of the window, the escalation at its end). */
  at: number;
  /** The deadline the warning is about. */
  due: number;
  /** Who holds it now (warning) or the level it climbs to (escalation). */
  level: Level;
  key: string;
}

const HOUR = 3_600_000;

export const chainOf = (c: Complaint): Level[] => (c.severity === 'serious' ? [...LEVELS] : LEVELS.slice(0, 3));

export const pausesOf = (c: Complaint): Pause[] => c.pauses.map((p) => ({ from: Date.parse(p.from), to: ms(p.to) }));

export function windowHours(c: Complaint, rules: ComplaintRules): number {
  return resolutionHours(c.severity, c.category, !!c.severityBy, rules);
}

// Steps only change when the complaint does: remember them per complaint and what they were derived from.
const memo = new WeakMap<Complaint, { sig: string; rules: ComplaintRules; time: WorkingTime; steps: Step[] }>();
const signature = (c: Complaint) => JSON.stringify([c.severity, c.severityBy, c.status, c.cycle, c.cycleStart, c.cycleBase, c.ackAt, c.resolvedAt, c.pauses]);

/** All steps of the current cycle in time order, whether or not they have come due yet. */
export function stepsOf(c: Complaint, rules: ComplaintRules, time: WorkingTime): Step[] {
  const sig = signature(c);
  const hit = memo.get(c);
  if (hit && hit.sig === sig && hit.rules === rules && hit.time === time) return hit.steps;
  const steps = deriveSteps(c, rules, time);
  memo.set(c, { sig, rules, time, steps });
  return steps;
}

function deriveSteps(c: Complaint, rules: ComplaintRules, time: WorkingTime): Step[] {
  const chain = chainOf(c);
  const pauses = pausesOf(c);
  const start = Date.parse(c.cycleStart);
  const ack = ms(c.ackAt);
  const resolved = c.status === 'resolved' ? ms(c.resolvedAt) : undefined;
  const met = (t: number, doneAt: number | undefined) => doneAt !== undefined && doneAt <= t;
  const keyBase = `complaint:${c.id}`;
  const deadlines: { name: string; from: number; warn?: number; due?: number; done?: number }[] = [];
  if (c.cycle === 1) {
    const fr = rules.firstResponseMinutes * 60_000;
    deadlines.push({ name: 'first_response', from: start, warn: time.after(start, fr * rules.warnAt, pauses), due: time.after(start, fr, pauses), done: ack });
  }
  const window = windowHours(c, rules) * HOUR;
  for (let n = 1; n < chain.length; n++) {
    const from = (n - 1) * window;
    deadlines.push({ name: `resolution:${n}`, from: start, warn: time.after(start, from + window * rules.warnAt, pauses), due: time.after(start, from + window, pauses), done: resolved });
  }
  deadlines.sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity));
  const steps: Step[] = [];
  let level = c.cycleBase;
  for (const d of deadlines) {
    if (level + 1 >= chain.length) break;
    const holder = chain[level];
    const cycleTag = c.cycle > 1 ? `:c${c.cycle}` : '';
    if (d.warn !== undefined && d.due !== undefined && !met(d.warn, d.done) && !met(d.warn, resolved)) {
      steps.push({ kind: 'warn', deadline: d.name, at: d.warn, due: d.due, level: holder, key: `${keyBase}${cycleTag}:warn:${d.name}` });
    }
    if (d.due === undefined || met(d.due, d.done) || met(d.due, resolved)) continue;
    level += 1;
    steps.push({ kind: 'escalate', deadline: d.name, at: d.due, due: d.due, level: chain[level], key: `${keyBase}:escalate:${chain[level]}` });
  }
  return steps.sort((a, b) => a.at - b.at);
}

/** The steps that have come due by `now`. */
export const dueSteps = (c: Complaint, rules: ComplaintRules, time: WorkingTime, now: number) => stepsOf(c, rules, time).filter((s) => s.at <= now);

/** What to store and show: the open deadlines and the next thing that will happen. */
export function currentDeadlines(c: Complaint, rules: ComplaintRules, time: WorkingTime, now: number): Complaint['deadlines'] {
  if (c.status === 'resolved') return {};
  const pauses = pausesOf(c);
  const start = Date.parse(c.cycleStart);
  const out: Complaint['deadlines'] = {};
  if (c.cycle === 1 && !c.ackAt) {
    const fr = time.after(start, rules.firstResponseMinutes * 60_000, pauses);
    if (fr !== undefined) out.firstResponse = new Date(fr).toISOString();
  }
  const res = time.after(start, windowHours(c, rules) * HOUR, pauses);
  if (res !== undefined) out.resolution = new Date(res).toISOString();
  const upcoming = stepsOf(c, rules, time).filter((s) => s.at > now);
  const warn = upcoming.find((s) => s.kind === 'warn');
  const next = upcoming.find((s) => s.kind === 'escalate');
  if (warn) out.warning = new Date(warn.at).toISOString();
  if (next) out.next = new Date(next.at).toISOString();
  return out;
}
