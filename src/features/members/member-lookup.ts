import { maskText } from '../../domain/privacy/mask.ts';
import { problem } from '../../bot/errors.ts';
import type { CommandContext } from '../../bot/spec.ts';

// A member look-up is rationed and written down: at most `members.lookupsPerHour` per person
// (playbook), every look-up and every refusal in the audit log, with the query masked as in a
// group, so the log itself does not become a list of customers' phones.

export const LOOKUP_EXAMPLE = { zh: '会员 13812345678', en: 'member alice@example.com' };

/** Counts the look-up or refuses it (saying when to try again); the refusal is audited too. */
export async function admitLookup(ctx: CommandContext, query: string): Promise<void> {
  const { services, incoming } = ctx;
  const perHour = services.playbook.members.lookupsPerHour;
  const now = services.clock.now().getTime();
  const turn = await (await services.books.lookupLimit()).take(incoming.user, now, perHour);
  if (turn.ok) return;
  const shown = maskText(query);
  await services.audit.record({ kind: 'member.lookup_refused', user: incoming.user, conversation: incoming.conversation, summary: `member look-up of ${shown} refused: ${perHour} in the last hour`, data: { query: shown, perHour } });
  const when = services.calendar.formatTime(turn.retryAt);
  throw problem('lookup_limit', `会员查询太频繁：每人每小时最多 ${perHour} 次。请在 ${when} 之后再查。`, `Too many member look-ups: at most ${perHour} an hour each. Try again after ${when}.`);
}

/** One audit entry per look-up: who asked, where, for what (masked), and whether it matched. */
export async function auditLookup(ctx: CommandContext, query: string, customer: string | undefined): Promise<void> {
  const { services, incoming } = ctx;
  const shown = maskText(query);
  const who = customer === undefined ? undefined : maskText(customer);
  await services.audit.record({
    kind: 'member.lookup',
    user: incoming.user,
    conversation: incoming.conversation,
    summary: `looked up ${shown}: ${who ?? 'no match'}`,
    data: { query: shown, found: customer !== undefined, ...(who ? { customer: who } : {}) },
  });
}
