import { MemoryDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { Calendar } from '../../../src/domain/calendar.ts';
import { ComplaintDesk } from '../../../src/domain/complaints/complaint-desk.ts';
import { complaintRulesSchema } from '../../../src/domain/playbook/complaints.ts';

/** A desk over an in-memory store, with a clock the test moves. */
export async function deskAt(startIso: string, overrides: Record<string, unknown> = {}) {
  let now = Date.parse(startIso);
  const clock = { now: () => new Date(now) };
  const docs = new MemoryDocStore();
  const desk = await ComplaintDesk.open(docs, complaintRulesSchema.parse(overrides), clock, new Calendar('Asia/Shanghai'));
  const where = { user: 'console:alice', platform: 'console', conversation: 'console:ops-room', thread: 'm-1', direct: false };
  return {
    desk,
    docs,
    at: (iso: string) => (now = Date.parse(iso)),
    later: (minutes: number) => (now += minutes * 60_000),
    now: () => now,
    log: (text: string, extra: Record<string, string> = {}) => desk.log({ ...where, text, ...extra }),
  };
}

export const MIN = 60_000;
export const HOUR = 60 * MIN;
