import type { Calendar } from '../calendar.ts';
import { MemberAudiences } from '../members/audiences.ts';
import type { MemberRules } from '../playbook/members.ts';
import type { CampaignRules } from '../playbook/campaigns.ts';
import type { DocStore } from '../ports.ts';
import type { StoreData } from '../store-data.ts';
import type { Audience, Campaign } from './campaign.ts';
import { CodeMaker, inHoldout } from './codes.ts';
import type { DueStep } from './schedule.ts';

// One run (step) of a campaign: who is in the audience that day, who is skipped and why,
// who is held out, and the one code each pushed member gets. It is written in full BEFORE
// any notice is queued, and a run already written is reused as it is: a crash between the
// write and the queueing re-queues the same codes under the same keys, never new ones.

export type SkipReason = 'not_linked' | 'opted_out' | 'capped';
export const SKIP_REASONS: SkipReason[] = ['not_linked', 'opted_out', 'capped'];

export interface CampaignRun {
  built: boolean;
  campaign: number;
  step: string;
  /** The slot instant, UTC ISO. */
  at: string;
  audience: number;
  /** Parallel arrays, one entry per pushed member: customer name, code, chat user to reach. */
  customers: string[];
  codes: string[];
  users: string[];
  holdout: string[];
  skipped: Record<SkipReason, number>;
  /** Set once every push of this run was seen in the outbox. */
  queued: boolean;
}

const EMPTY: CampaignRun = { built: false, campaign: 0, step: '', at: '', audience: 0, customers: [], codes: [], users: [], holdout: [], skipped: { not_linked: 0, opted_out: 0, capped: 0 }, queued: false };

/** Runs are filed by month so the monthly cap reads only that month's runs. */
export const runDocName = (campaign: number, step: string) => `campaigns/runs/${step.slice(0, 7)}/${campaign}-${step}`;

export async function openRun(docs: DocStore, campaign: number, step: string) {
  return docs.open<CampaignRun>(runDocName(campaign, step), structuredClone(EMPTY));
}

/** Every built run of a campaign (any month). */
export async function runsOf(docs: DocStore, campaign: number): Promise<CampaignRun[]> {
  const names = (await docs.list('campaigns/runs/')).filter((n) => n.slice(n.lastIndexOf('/') + 1).startsWith(`${campaign}-`));
  const runs = await Promise.all(names.map((n) => docs.open<CampaignRun>(n, structuredClone(EMPTY))));
  return runs.map((r) => r.data).filter((r) => r.built && r.campaign === campaign);
}

/** Pushes per customer in a month (YYYY-MM), across campaigns. */
async function monthCounts(docs: DocStore, month: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const name of await docs.list(`campaigns/runs/${month}/`)) {
    const run = (await docs.open<CampaignRun>(name, structuredClone(EMPTY))).data;
    if (run.built) for (const c of run.customers) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

export function selectAudience(aud: MemberAudiences, a: Audience): Int32Array {
  switch (a.kind) {
    case 'purchased':
      return aud.purchasedDaysAgo(a.daysAgo);
    case 'segment':
      return aud.inSegment(a.segment);
    case 'tier':
      return aud.inTier(a.tier);
    case 'joined':
      return aud.joinedDaysAgo(a.daysAgo);
    case 'all_linked':
      return aud.allLinked();
  }
}

export interface RunInputs {
  data: StoreData;
  docs: DocStore;
  calendar: Calendar;
  rules: CampaignRules;
  /** Segment and tier rules from the playbook; the defaults when absent. */
  memberRules?: MemberRules;
}

/** Splits an audience into pushed / held out / skipped without writing anything (also the preview). */
export async function planRun(c: Pick<Campaign, 'id' | 'audience'>, day: number, inp: RunInputs, month?: string) {
  const aud = await MemberAudiences.open({ data: inp.data, docs: inp.docs, calendar: inp.calendar, today: day, ...(inp.memberRules ? { rules: inp.memberRules } : {}) });
  const ids = selectAudience(aud, c.audience);
  const names = inp.data.book.customers.names;
  const links = aud.deps.links;
  const counts = month ? await monthCounts(inp.docs, month) : new Map<string, number>();
  const skipped: Record<SkipReason, number> = { not_linked: 0, opted_out: 0, capped: 0 };
  const customers: string[] = [];
  const users: string[] = [];
  const holdout: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const customer = names[ids[i]];
    const linked = links.usersOf(customer);
    if (linked.length === 0) {
      skipped[links.isOptedOut(customer) ? 'opted_out' : 'not_linked']++;
      continue;
    }
    if (inHoldout(c.id, customer, inp.rules.holdoutShare)) {
      holdout.push(customer);
      continue;
    }
    if ((counts.get(customer) ?? 0) >= inp.rules.monthlyCap) {
      skipped.capped++;
      continue;
    }
    customers.push(customer);
    users.push(linked[0]);
  }
  return { audience: ids.length, customers, users, holdout, skipped };
}

/** The run of `step`, built and written once; later calls return the stored run unchanged. */
export async function buildRun(c: Campaign, due: DueStep, inp: RunInputs) {
  const doc = await openRun(inp.docs, c.id, due.step);
  if (doc.data.built) return doc;
  const plan = await planRun(c, due.day, inp, due.step.slice(0, 7));
  const taken = new Set<string>();
  for (const r of await runsOf(inp.docs, c.id)) for (const code of r.codes) taken.add(code);
  const maker = new CodeMaker(inp.rules.codePrefix, c.id, taken);
  const codes = plan.customers.map(() => maker.next());
  doc.data = { built: true, campaign: c.id, step: due.step, at: new Date(due.at).toISOString(), audience: plan.audience, customers: plan.customers, codes, users: plan.users, holdout: plan.holdout, skipped: plan.skipped, queued: false };
  await doc.write();
  return doc;
}

/** Codes a customer was pushed, over every campaign and run, oldest first. */
export async function codesPushedTo(docs: DocStore, customer: string): Promise<{ campaign: number; at: string; code: string }[]> {
  const out: { campaign: number; at: string; code: string }[] = [];
  for (const name of await docs.list('campaigns/runs/')) {
    const run = (await docs.open<CampaignRun>(name, structuredClone(EMPTY))).data;
    if (!run.built) continue;
    const i = run.customers.indexOf(customer);
    if (i >= 0) out.push({ campaign: run.campaign, at: run.at, code: run.codes[i] });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
