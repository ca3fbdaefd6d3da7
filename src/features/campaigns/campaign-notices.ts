import { formatDay } from '../../domain/calendar.ts';
import type { Campaign } from '../../domain/campaigns/campaign.ts';
import { buildRun, openRun, type CampaignRun } from '../../domain/campaigns/campaign-run.ts';
import { pushKey } from '../../domain/campaigns/campaign-report.ts';
import { dueSteps } from '../../domain/campaigns/schedule.ts';
import { quietUntil } from '../../domain/time-of-day.ts';
import type { CampaignRules } from '../../domain/playbook/campaigns.ts';
import { formatMoney } from '../shared/format.ts';
import { say } from '../../chat/lang.ts';
import { dmTarget, type Notice, type NoticeSource } from '../../bot/notices.ts';
import type { Reply } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { settleApprovals } from './campaign-approval.ts';

// Coupon pushes. Each tick finds, from the stored schedules, the runs that fell due (every
// missed day once after downtime), writes each run's codes, then returns one DM per pushed
// member under the key coupon:<campaign>:<step>:<customer> for the tick to queue. A run stays
// on the campaign's checkSteps until every push is in the outbox, so a crash at any point
// re-queues the same stored codes under the same keys, never new ones.

const DAY = 86_400_000;

/** The push text around the code, worked out once per run (100,000 members share it). */
export function pushTemplate(c: Campaign, validUntil: number, services: Services): (code: string) => Reply {
  const lang = services.store.lang;
  const t = say(lang);
  const cur = services.store.currency;
  const m = (v: number) => formatMoney(v, cur, lang);
  const until = formatDay(services.calendar.dayOf(validUntil));
  const [before, after] = t(`送您一张「${c.coupon.name}」：满 ${m(c.coupon.threshold)} 减 ${m(c.coupon.discount)}，券码 \0，${until} 前有效。`, `A coupon for you, "${c.coupon.name}": ${m(c.coupon.discount)} off orders of ${m(c.coupon.threshold)} or more. Code \0, valid until ${until}.`).split('\0');
  const stop = { type: 'context' as const, text: t('回复「退订」不再接收消息。', 'Reply "stop" to stop these messages.') };
  const summary = t('券码 ', 'Coupon code ');
  return (code) => ({ lang, blocks: [{ type: 'text', text: before + code + after }, stop], summary: summary + code, data: { code } });
}

export function runNotices(c: Campaign, run: CampaignRun, now: number, services: Services, rules: CampaignRules): Notice[] {
  const at = Date.parse(run.at);
  const wait = quietUntil(Math.max(now, at), services.calendar, rules.quietStart, rules.quietEnd);
  const reply = pushTemplate(c, at + c.coupon.validDays * DAY, services);
  const dueAt = new Date(at);
  const notBefore = wait !== undefined ? new Date(wait) : undefined;
  const out: Notice[] = new Array(run.customers.length);
  for (let i = 0; i < run.customers.length; i++) {
    out[i] = { key: pushKey(c.id, run.step, run.customers[i]), kind: 'coupon.push', target: { conversation: dmTarget(run.users[i]) }, reply: reply(run.codes[i]), dueAt, ...(notBefore ? { notBefore } : {}) };
  }
  return out;
}

/** Builds every due run of one campaign (codes written first) and returns the pushes still to queue. */
export async function collectCampaign(c: Campaign, now: number, services: Services, rules: CampaignRules = services.playbook.campaigns): Promise<Notice[]> {
  const out: Notice[] = [];
  const inputs = { data: services.data, docs: services.docs, calendar: services.calendar, rules, memberRules: services.playbook.members };
  const built = new Set<string>();
  if (c.status === 'active') {
    for (const due of dueSteps(c, now, services.calendar)) {
      const run = await buildRun(c, due, inputs);
      c.doneSteps.push(due.step);
      built.add(due.step);
      if (!run.data.queued) {
        out.push(...runNotices(c, run.data, now, services, rules));
        c.checkSteps = [...new Set([...(c.checkSteps ?? []), due.step])];
      }
      if (c.schedule.kind === 'once') {
        c.status = 'done';
        c.history.push({ at: new Date(now).toISOString(), by: 'system', action: 'done' });
      }
    }
  }
  // Runs built on an earlier tick: once every push is in the outbox the run is marked queued;
  // until then (a crash between the write and the queueing) the missing pushes are returned again.
  for (const step of c.checkSteps ?? []) {
    if (built.has(step)) continue;
    const run = await openRun(services.docs, c.id, step);
    const missing = run.data.customers.some((m) => !services.outboxStore.byKey(pushKey(c.id, step, m)));
    if (missing) {
      out.push(...runNotices(c, run.data, now, services, rules).filter((n) => !services.outboxStore.byKey(n.key)));
      continue;
    }
    run.data.queued = true;
    await run.write();
    c.checkSteps = c.checkSteps!.filter((s) => s !== step);
  }
  return out;
}

export const campaignNotices: NoticeSource = {
  id: 'campaigns',
  async collect(now, services) {
    const book = await settleApprovals(services);
    const rules = services.playbook.campaigns;
    const out: Notice[] = [];
    let changed = false;
    for (const c of book.all()) {
      if (c.status !== 'active' && !c.checkSteps?.length) continue;
      const before = JSON.stringify([c.doneSteps.length, c.checkSteps, c.status]);
      out.push(...(await collectCampaign(c, now.getTime(), services, rules)));
      if (JSON.stringify([c.doneSteps.length, c.checkSteps, c.status]) !== before) changed = true;
    }
    // Written after the runs: a crash before this finds the same runs (and codes) due again.
    if (changed) await book.save();
    return out;
  },
};
